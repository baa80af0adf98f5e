import type { Organization } from '../../schemas/organization.ts';
import type { IsoDate } from '../dates/iso-date.ts';

/**
 * A made-up complaint for Inrichten's letter preview (received and acknowledged today, by the first organizer): the
 * frontmatter a case schema reads, never written to a file. The name says it is an example.
 */
export function previewCaseInput(org: Organization, today: IsoDate): Record<string, unknown> {
  return {
    id: `K-${today.slice(0, 4)}-001`,
    organizer: org.organizers[0]?.key,
    received: today,
    acknowledged: today,
    channel: 'email',
    status: 'open',
    complainant: { name: 'Voorbeeld Klant', email: 'klant@example.org' },
    categories: [org.categories[0]?.key],
  };
}
