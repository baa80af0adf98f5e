import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { isAttachmentFolderName } from '../lib/cases/attachments.ts';

/** The watch of a cases folder (see {@link watchCaseFolders}). */
export interface CaseWatch {
  /** The folders watched now, relative to the cases folder, sorted; '' is the cases folder itself. */
  folders(): string[];
  /** Stop watching; nothing is reported afterwards. */
  close(): void;
}

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * Watch the cases folder and every folder below it (cases/ and its year folders), each with a watcher of its
 * own that is not recursive: one watch per folder, where Node's recursive `fs.watch` on Linux watches every file
 * (100,000 cases: 100,000 inotify watches and some 250 MiB). A folder that appears gets its watcher, one that
 * goes (or is replaced) loses it; folders whose name starts with a dot (.git) are not watched.
 *
 * `onChange(name, folder)` is called with the path relative to the cases folder of what changed: a file
 * (`2026/K-2026-003.md`, also a temporary file or a file that went; `folder` false) or a folder that came or went
 * (`2027`; `folder` true); the watched folder itself, as a folder, when the system does not say which entry.
 * `onLost()` is called once when the cases folder itself can no longer be watched (removed, renamed, replaced, or
 * watching failed); then nothing more is reported and the caller must not trust what it keeps in memory. Throws
 * when the cases folder cannot be watched at all.
 */
export function watchCaseFolders(dir: string, onChange: (name: string, folder: boolean) => void, onLost: () => void = () => {}): CaseWatch {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;

  const close = () => {
    closed = true;
    for (const w of watchers.values()) w.close();
    watchers.clear();
  };
  const lost = () => {
    if (closed) return;
    close();
    onLost();
  };
  /** Stop watching `rel` and every folder below it. */
  const drop = (rel: string) => {
    for (const [key, w] of watchers)
      if (key === rel || key.startsWith(rel + sep)) {
        w.close();
        watchers.delete(key);
      }
  };
  /** Watch `rel` and every folder below it; a folder that cannot be read or watched (gone meanwhile) is left out. */
  const add = (rel: string) => {
    const path = rel === '' ? dir : join(dir, rel);
    let w: FSWatcher;
    try {
      w = watch(path, { persistent: false }, (event, name) => seen(rel, event, name?.toString()));
    } catch (error) {
      if (rel === '') throw error;
      return;
    }
    watchers.set(rel, w);
    w.on('error', () => {
      if (rel === '') return lost();
      drop(rel);
      if (!closed) onChange(rel, true);
    });
    let entries;
    try {
      // a folder's link count is 2 + its subfolders on Linux's usual file systems (ext4, xfs, tmpfs), as find(1)
      // uses: a year folder without subfolders is not listed (at 100,000 cases: 8 ms instead of 80); where the count
      // says nothing (btrfs and Windows: 1) every folder is listed
      if (statSync(path).nlink === 2) return;
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries)
      if (e.isDirectory() && !e.name.startsWith('.') && !isAttachmentFolderName(e.name)) add(rel === '' ? e.name : rel + sep + e.name);
  };
  const seen = (rel: string, event: string, name: string | undefined) => {
    if (closed) return;
    if (!name) return onChange(rel, true);
    const child = rel === '' ? name : rel + sep + name;
    // a case's attachment folder (K-2026-007/ beside K-2026-007.md) holds no case: neither watched nor reported
    if (isAttachmentFolderName(name) && !watchers.has(child)) return;
    let folder = false;
    if (event === 'rename') {
      // the cases folder itself removed, renamed or replaced: Linux names it in its own watch (unless it is a
      // folder inside named like it: then, when that one went, the watch is given up, which is safe)
      if (rel === '' && name === basename(dir) && !watchers.has(name) && !existsSync(join(dir, name))) return lost();
      folder = watchers.has(child) || isFolder(join(dir, child));
      if (folder && !name.startsWith('.')) {
        // a folder came, went or was replaced: its watchers (if any) go, and it is watched afresh if it is there
        drop(child);
        if (isFolder(join(dir, child))) add(child);
      }
    }
    onChange(child, folder);
  };

  add('');
  return { folders: () => [...watchers.keys()].sort(), close };
}
