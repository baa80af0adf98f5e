import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A running werkplek leaves its process id in the Git folder (`.git/werkplek/draait`), so a command that prunes the
// repository (`npm run retention -- --apply`: the history rewrite ends with `git gc --prune=now`) can refuse while a
// werkplek may be writing in the same clone: a prune drops every object no ref holds yet, a save being written included.

const markOf = (gitDir: string) => join(gitDir, 'werkplek', 'draait');

/** Note this process as the werkplek working in the clone of `gitDir`; returns the way to remove the note. */
export function markRunning(gitDir: string, pid = process.pid): () => void {
  mkdirSync(join(gitDir, 'werkplek'), { recursive: true });
  writeFileSync(markOf(gitDir), `${pid}\n`);
  return () => {
    if (runningWerkplek(gitDir) === pid) rmSync(markOf(gitDir), { force: true });
  };
}

/** The process id of a werkplek that runs in the clone of `gitDir`, or undefined (no note, or its process is gone). */
export function runningWerkplek(gitDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(markOf(gitDir), 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined; // EPERM: it exists, another user's
  }
}
