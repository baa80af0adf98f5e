// Preloaded by tools/bench.ts (`node --import`): when the process exits, append its peak resident memory
// (bytes) to the file named by BENCH_PEAK_MEMORY_FILE, so the benchmark can report it for whole processes.
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_MEMORY_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS * 1024}\n`));
