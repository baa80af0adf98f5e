// Runs a command's script from one bundled file: `node io/bundled.ts scripts/check.ts [options]` does what
// `node scripts/check.ts [options]` does, about 50 ms sooner. A cold check loads some 160 modules, and Node
// spends more time finding and linking them than running them; from one file (made by esbuild, kept in
// node_modules/.cache/klachtenregeling-bundles) that time is gone, and V8's code cache of that file, made after a
// run, spares compiling it again (see runBundle). The bundle is a cache of the code, like Node's compile cache:
// it is rebuilt when any of its input files changes (size or time), and when it cannot be built the script runs
// from its sources. KLACHTEN_BUNDLE=0 always runs from the sources.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire, isBuiltin } from 'node:module';
import vm from 'node:vm';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/**
 * Where bundles are kept: a folder per build, and per script a manifest naming its current build. Beside the check
 * cache, not in it: the deadline workflow keeps that cache between runs, and a bundle is rebuilt after a fresh
 * checkout anyway (new file times). KLACHTEN_BUNDLE_DIR moves it.
 */
const BUNDLE_DIR = process.env.KLACHTEN_BUNDLE_DIR || join(ROOT, 'node_modules/.cache/klachtenregeling-bundles');
/** A build that no manifest names is removed once it is this old (a process may still be running from it). */
const UNUSED_MS = 60 * 60 * 1000;

/** Bump when bundles are made or run differently: a manifest of another format names no current bundle. */
const FORMAT = 2;

/** What a bundle was made of: each input file with its size and modification time when it was built. */
interface Manifest {
  format: typeof FORMAT;
  node: string;
  build: string;
  entry: string;
  inputs: [path: string, size: number, mtimeMs: number][];
}

/**
 * A script's name in the bundle folder: its path in the project and a hash of its whole path (FNV-1a), e.g.
 * scripts-check-1c9a3f2e, so two checkouts that share a node_modules keep their own bundles.
 */
function nameOf(script: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < script.length; i++) hash = Math.imul(hash ^ script.charCodeAt(i), 0x01000193) >>> 0;
  const name = (script.startsWith(ROOT) ? script.slice(ROOT.length) : script).replace(/\.[cm]?[jt]s$/, '').replace(/[^A-Za-z0-9]+/g, '-');
  return `${name.replace(/^-|-$/g, '')}-${hash.toString(16).padStart(8, '0')}`;
}

const stamp = (path: string): [number, number] => {
  const s = statSync(path);
  return [s.size, s.mtimeMs];
};

/** The entry file of the script's current bundle, or undefined when there is none or an input has changed. */
function currentBundle(manifestFile: string): string | undefined {
  try {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (m.format !== FORMAT || m.node !== process.version) return undefined;
    for (const [path, size, mtimeMs] of m.inputs) {
      const [s, t] = stamp(path);
      if (s !== size || t !== mtimeMs) return undefined;
    }
    return join(BUNDLE_DIR, m.build, m.entry);
  } catch {
    return undefined; // no bundle yet, or an input is gone
  }
}

/**
 * Bundle `script` with esbuild into a new build folder, then point the manifest at it (written atomically: a
 * process that reads the manifest meanwhile sees the old build or the new one). Returns the bundle's entry file.
 */
async function buildBundle(script: string, name: string, manifestFile: string): Promise<string> {
  const [{ build }, { writeFileAtomicSync }] = await Promise.all([import('esbuild'), import('./atomic-write.ts')]);
  const id = `${name}-${Date.now().toString(36)}-${process.pid}`;
  const outdir = join(BUNDLE_DIR, id);
  const started = Date.now();
  const result = await build({
    entryPoints: [script],
    absWorkingDir: ROOT,
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'esnext',
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        // Node's own modules come from require (given to the bundle by runBundle): the bundle has no import statement
        name: 'node-builtins',
        setup(b) {
          b.onResolve({ filter: /^[a-z:_/]+$/ }, (args) => {
            if (!isBuiltin(args.path)) return undefined;
            return args.namespace === 'node-builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'node-builtin' };
          });
          b.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (args) => ({
            contents: `module.exports = require(${JSON.stringify(args.path)});`,
          }));
        },
      },
      {
        // a module that finds files next to itself (new URL('..', import.meta.url)) still finds them from the bundle
        name: 'import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
            const text = readFileSync(args.path, 'utf8');
            if (!text.includes('import.meta.url')) return undefined;
            return {
              contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
              loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js',
              resolveDir: dirname(args.path),
            };
          });
        },
      },
    ],
  });
  const entry = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint !== undefined)![0];
  // this file too: how a bundle is made and run may change with it
  const inputs = [
    ...Object.keys(result.metafile.inputs)
      .filter((p) => !p.startsWith('node-builtin:'))
      .map((p) => resolve(ROOT, p)),
    fileURLToPath(import.meta.url),
  ].map((path): Manifest['inputs'][number] => [path, ...stamp(path)]);
  // an input changed while esbuild read it: this bundle may mix two versions, so it is not kept
  if (inputs.some(([, , mtimeMs]) => mtimeMs >= started)) throw new Error('an input changed during the build');
  const manifest: Manifest = {
    format: FORMAT,
    node: process.version,
    build: id,
    entry: resolve(ROOT, entry).slice(outdir.length + 1),
    inputs,
  };
  writeFileAtomicSync(manifestFile, JSON.stringify(manifest));
  removeUnusedBuilds();
  return join(outdir, manifest.entry);
}

/** Remove build folders that no manifest names and that are over an hour old: only folders this module made. */
function removeUnusedBuilds(): void {
  const named = new Set<string>();
  const names = readdirSync(BUNDLE_DIR);
  for (const name of names)
    if (name.endsWith('.json'))
      try {
        named.add((JSON.parse(readFileSync(join(BUNDLE_DIR, name), 'utf8')) as Manifest).build);
      } catch {
        // being replaced: its build is new, and not old enough to be removed anyway
      }
  for (const name of names)
    if (/^[A-Za-z0-9-]+-[0-9a-z]+-\d+$/.test(name) && !named.has(name))
      try {
        if (Date.now() - statSync(join(BUNDLE_DIR, name)).mtimeMs > UNUSED_MS)
          rmSync(join(BUNDLE_DIR, name), { recursive: true, force: true });
      } catch {
        // removed by another process meanwhile
      }
}

/** The file to run for `script`: its current bundle, a new one, or (when no bundle can be made) the script itself. */
async function runnable(script: string): Promise<string> {
  if (process.env.KLACHTEN_BUNDLE === '0') return script;
  const name = nameOf(script);
  const manifestFile = join(BUNDLE_DIR, `${name}.json`);
  const current = currentBundle(manifestFile);
  if (current) return current;
  try {
    mkdirSync(BUNDLE_DIR, { recursive: true });
    return await buildBundle(script, name, manifestFile);
  } catch {
    return script; // no esbuild, a read-only checkout, a file being edited: the sources work, only slower
  }
}

/** Before the code cache, the time the run took that made it (a float64), so a longer run can replace it. */
const CACHE_HEAD = 8;

/**
 * Run the bundle `file` of `script` as the body of an async function (which may await at its top, as the
 * script's module did), given Node's `require` for Node's own modules. V8 compiles it with the code cache kept
 * beside it (`file`.cache). That cache is made after a run, so it holds every function the run compiled, also
 * those compiled only when first called, which Node's compile cache (made as a module is loaded) leaves out.
 * A new cache is written when there is none, when V8 refused it (another Node, other flags), or when this run
 * took half as long again as the one that made it (a check of 10,000 files after a --help).
 * Returns false, having run nothing, when the bundle cannot be compiled as a function body.
 */
async function runBundle(file: string, script: string): Promise<boolean> {
  const started = Date.now(); // not performance.now(), whose first use loads perf_hooks
  const cacheFile = `${file}.cache`;
  let cached: Buffer | undefined;
  try {
    cached = readFileSync(cacheFile);
    if (cached.length <= CACHE_HEAD) cached = undefined;
  } catch {
    // none yet
  }
  let code: vm.Script;
  try {
    // 'use strict': as the script's module was
    code = new vm.Script(`(async function (require) {'use strict';${readFileSync(file, 'utf8')}\n})`, {
      filename: file,
      cachedData: cached?.subarray(CACHE_HEAD),
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
  } catch {
    return false; // e.g. import.meta beyond import.meta.url, which only a module has
  }
  await (code.runInThisContext() as (require: NodeJS.Require) => Promise<void>)(createRequire(script));
  const took = Date.now() - started;
  if (!cached || code.cachedDataRejected || took > 1.5 * cached.readDoubleLE(0))
    try {
      const head = Buffer.alloc(CACHE_HEAD);
      head.writeDoubleLE(took);
      // whole or not at all, for a process that reads it meanwhile
      const { writeFileAtomicSync } = await import('./atomic-write.ts');
      writeFileAtomicSync(cacheFile, Buffer.concat([head, code.createCachedData()]));
    } catch {
      // a read-only folder: the next run compiles again
    }
  return true;
}

const [scriptArg, ...args] = process.argv.slice(2);
if (!scriptArg) {
  console.error('Usage: node io/bundled.ts SCRIPT [options]   (runs the script from its bundle)');
  process.exit(2);
}
const script = resolve(scriptArg);
const file = await runnable(script);
// the script reads its options from process.argv as if it were run itself
process.argv = [process.argv[0]!, script, ...args];
if (file === script || !(await runBundle(file, script))) await import(pathToFileURL(script).href);
