// Preloaded by tools/bench.ts (`node --import`): when the process exits, append its peak resident memory
// (bytes) to the file named by BENCH_PEAK_MEMORY_FILE, so the benchmark can report it for whole processes.
// node:fs as Node's own object, not its ES module: making that module loads Node's file streams, which the
// check itself never loads (io/files.ts), so importing it here would add some 5 ms to the process it measures.
const file = process.env.BENCH_PEAK_MEMORY_FILE;
if (file) process.on('exit', () => process.getBuiltinModule('node:fs').appendFileSync(file, `${process.resourceUsage().maxRSS * 1024}\n`));
