import { runCaseMergeDriver } from './case-merge.ts';

// Git's merge driver for case files: `node io/case-merge-driver.ts [--config organization.yml] %O %A %B %P`.
// Turned on per command by caseMergeGitArgs (io/case-merge.ts), which documents what it does. Any failure of
// its own exits 2 with one line that names no case content: Git then counts the file as a conflict.
try {
  process.exitCode = runCaseMergeDriver(process.argv.slice(2));
} catch (error) {
  console.error(`case-merge-driver: ${(error as NodeJS.ErrnoException).code ?? (error as Error).name}`);
  process.exitCode = 2;
}
