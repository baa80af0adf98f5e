import { mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchCaseFolders, type CaseWatch } from '../../io/case-watch.ts';

/** The inotify watches this process holds (Linux): one per watched path. */
function inotifyWatches(): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd'))
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === 'anon_inode:inotify')
        n += (readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').match(/^inotify wd:/gm) ?? []).length;
    } catch {
      // the fd of readdir itself, closed meanwhile
    }
  return n;
}

const rel = (...parts: string[]) => parts.join(sep);

/** A cases folder with year folders of `perYear` case files each. */
function casesFolder(years: string[], perYear = 3): string {
  const dir = mkdtempSync(join(tmpdir(), 'klachten-watch-'));
  for (const y of years) {
    mkdirSync(join(dir, y));
    for (let i = 1; i <= perYear; i++) writeFileSync(join(dir, y, `K-${y}-${String(i).padStart(3, '0')}.md`), '---\n---\n');
  }
  return dir;
}

/** Watch `dir`; `next(name)` resolves when `name` is reported from now on, with whether it is a folder. */
function watched(dir: string) {
  const waiting: { name: string; done: (folder: boolean) => void }[] = [];
  let lost = 0;
  const onLost: { done?: () => void } = {};
  const w = watchCaseFolders(
    dir,
    (name, folder) => {
      for (const x of waiting.filter((x) => x.name === name)) {
        waiting.splice(waiting.indexOf(x), 1);
        x.done(folder);
      }
    },
    () => {
      lost++;
      onLost.done?.();
    },
  );
  open.push(w);
  return {
    w,
    /** Resolves with whether it is a folder. */
    next: (name: string) => new Promise<boolean>((done) => waiting.push({ name, done })),
    lost: () => new Promise<void>((done) => (onLost.done = done)),
    lostCount: () => lost,
  };
}

const open: CaseWatch[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const folder = (years: string[], perYear?: number) => {
  const d = casesFolder(years, perYear);
  dirs.push(d);
  return d;
};

describe('watchCaseFolders: one watcher per folder of the cases folder', () => {
  it('watches the cases folder and each year folder, not the files, nor .git', () => {
    const dir = folder(['2024', '2025', '2026'], 30);
    mkdirSync(join(dir, '.git', 'objects'), { recursive: true });
    const { w } = watched(dir);
    expect(w.folders()).toEqual(['', '2024', '2025', '2026']);
  });

  it.skipIf(process.platform !== 'linux')('holds one inotify watch per folder, however many files, and none after close', () => {
    const before = inotifyWatches();
    const { w } = watched(folder(['2025', '2026'], 200));
    expect(inotifyWatches() - before).toBe(3);
    w.close();
    expect(inotifyWatches()).toBe(before);
    expect(w.folders()).toEqual([]);
  });

  it('reports a case file written in a year folder, by its path in the cases folder, as no folder', async () => {
    const dir = folder(['2026']);
    const { next } = watched(dir);
    const reported = next(rel('2026', 'K-2026-001.md'));
    writeFileSync(join(dir, '2026', 'K-2026-001.md'), '---\nid: K-2026-001\n---\n');
    expect(await reported).toBe(false);
  });

  it('reports a removed case file as no folder', async () => {
    const dir = folder(['2026']);
    const { next } = watched(dir);
    const reported = next(rel('2026', 'K-2026-002.md'));
    rmSync(join(dir, '2026', 'K-2026-002.md'));
    expect(await reported).toBe(false);
  });

  it('reports a file renamed into place (an atomic write) under its final name', async () => {
    const dir = folder(['2026']);
    const { next } = watched(dir);
    const reported = next(rel('2026', 'K-2026-004.md'));
    writeFileSync(join(dir, '2026', '.K-2026-004.md.tmp'), 'x');
    renameSync(join(dir, '2026', '.K-2026-004.md.tmp'), join(dir, '2026', 'K-2026-004.md'));
    await reported;
  });

  it('gives a new year folder its watcher: a file written in it is reported', async () => {
    const dir = folder(['2026']);
    const { w, next } = watched(dir);
    const folderReported = next('2027');
    mkdirSync(join(dir, '2027'));
    expect(await folderReported).toBe(true);
    expect(w.folders()).toEqual(['', '2026', '2027']);
    const fileReported = next(rel('2027', 'K-2027-001.md'));
    writeFileSync(join(dir, '2027', 'K-2027-001.md'), '---\n---\n');
    await fileReported;
  });

  it('watches the folders inside a folder that is moved in whole (a checkout)', async () => {
    const dir = folder(['2026']);
    const outside = folder(['2019']);
    mkdirSync(join(outside, 'archief'));
    renameSync(join(outside, '2019'), join(outside, 'archief', '2019'));
    const { w, next } = watched(dir);
    const reported = next('archief');
    renameSync(join(outside, 'archief'), join(dir, 'archief'));
    await reported;
    expect(w.folders()).toEqual(['', '2026', 'archief', rel('archief', '2019')]);
  });

  it('drops the watcher of a year folder that is removed', async () => {
    const dir = folder(['2025', '2026']);
    const { w, next } = watched(dir);
    const reported = next('2025');
    rmSync(join(dir, '2025'), { recursive: true });
    expect(await reported).toBe(true);
    expect(w.folders()).toEqual(['', '2026']);
  });

  it('watches a year folder that was replaced afresh', async () => {
    const dir = folder(['2026']);
    const { w, next } = watched(dir);
    const gone = next('2026');
    renameSync(join(dir, '2026'), join(tmpdir(), `klachten-watch-moved-${process.pid}`));
    dirs.push(join(tmpdir(), `klachten-watch-moved-${process.pid}`));
    await gone;
    expect(w.folders()).toEqual(['']);
    const back = next('2026');
    mkdirSync(join(dir, '2026'));
    await back;
    const fileReported = next(rel('2026', 'K-2026-009.md'));
    writeFileSync(join(dir, '2026', 'K-2026-009.md'), '---\n---\n');
    await fileReported;
  });

  it('says once that the cases folder is lost when it is removed, and watches nothing more', async () => {
    const dir = folder(['2026']);
    const { w, lost, lostCount } = watched(dir);
    const said = lost();
    rmSync(dir, { recursive: true });
    await said;
    expect(lostCount()).toBe(1);
    expect(w.folders()).toEqual([]);
  });

  it('says that the cases folder is lost when it is replaced by a new folder of the same name', async () => {
    const dir = folder(['2026']);
    const { lost, lostCount } = watched(dir);
    const said = lost();
    rmSync(dir, { recursive: true });
    mkdirSync(join(dir, '2026'), { recursive: true });
    await said;
    expect(lostCount()).toBe(1);
  });

  it('throws when the cases folder does not exist', () => {
    expect(() => watchCaseFolders(join(tmpdir(), 'klachten-watch-missing-folder'), () => {})).toThrow(/ENOENT/);
  });
});
