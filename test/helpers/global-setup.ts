import { rmSync } from 'node:fs';

/** Vitest global setup (vitest.config.ts): at the end of the run, remove the run's temporary check cache. */
export default function setup(): () => void {
  return () => {
    const dir = process.env.KLACHTEN_CACHE_DIR;
    if (dir && /klachten-test-cache-/.test(dir)) rmSync(dir, { recursive: true, force: true });
  };
}
