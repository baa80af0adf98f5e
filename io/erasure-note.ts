import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from './atomic-write.ts';

// The note of the case files an erasure still has to take out of the history (a small module of its own: every
// sharing round reads it, and the werkplek's start must not load the erasure's YAML and Git code for that).

/** The erasures still to be carried through the history (crash-safe: written before, removed after). */
const pendingFile = (gitDir: string) => join(gitDir, 'werkplek', 'verwijderen-geschiedenis.json');

/** The case files (relative to the repository's top) an erasure still has to take out of the history here. */
export function pendingErasures(gitDir: string): string[] {
  try {
    const v = JSON.parse(readFileSync(pendingFile(gitDir), 'utf8')) as { files?: unknown };
    return Array.isArray(v.files) ? v.files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/** Note case files whose history must be rewritten, before anything is rewritten: a crash leaves the note, the next round finishes. */
export function notePendingErasures(gitDir: string, files: readonly string[]): void {
  mkdirSync(join(gitDir, 'werkplek'), { recursive: true, mode: 0o700 });
  const all = [...new Set([...pendingErasures(gitDir), ...files])];
  writeFileAtomicSync(pendingFile(gitDir), `${JSON.stringify({ files: all })}\n`);
}

/** The rewrite is done (and shared, where there is a remote). */
export function clearPendingErasures(gitDir: string): void {
  rmSync(pendingFile(gitDir), { force: true });
}
