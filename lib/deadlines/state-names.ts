import { vocabulary } from '../vocabulary/index.ts';

/** Where a case stands, in the werkplek's words (lib/vocabulary's `deadlineStanding`; kept for werkplek/pages.ts). */
export const deadlineStateText = vocabulary('nl').deadlineStanding;
