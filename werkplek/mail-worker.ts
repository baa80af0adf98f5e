/**
 * The intake's worker: parses one mail (werkplek/mail-parse.ts) and posts what was read back. It runs with a heap
 * limit (werkplek/mail-intake.ts), so a mail whose parsing would need too much memory ends this worker only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseMail } from './mail-parse.ts';

try {
  parentPort!.postMessage({ ok: true, mail: await parseMail(workerData as Uint8Array) });
} catch (error) {
  parentPort!.postMessage({ ok: false, deep: /nesting depth/i.test((error as Error)?.message ?? '') });
}
