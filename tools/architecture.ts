import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** The top-level folders whose imports are checked; each is one layer of docs/architecture.md. */
export const LAYERS = ['schemas', 'lib', 'io', 'actions', 'scripts', 'werkplek', 'site', 'report', 'tools', 'test'] as const;
type Layer = (typeof LAYERS)[number];

/** Which project folders each layer may import (its own folder always). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  schemas: [],
  lib: ['schemas'],
  io: ['lib', 'schemas'],
  // the organizer's actions (register, change a case, retention, erasure, access, sync): one writer for both front doors
  actions: ['io', 'lib', 'schemas'],
  scripts: ['actions', 'io', 'lib', 'schemas', 'werkplek'],
  werkplek: ['actions', 'io', 'lib', 'schemas'],
  site: ['lib', 'schemas'],
  report: ['lib', 'schemas'],
  tools: ['actions', 'io', 'lib', 'schemas', 'site', 'report', 'test', 'werkplek'],
  test: ['actions', 'io', 'lib', 'schemas', 'site', 'report', 'tools', 'werkplek'],
};

/**
 * The one folder of lib/ that schemas/ may import: the vocabulary, whose field words the schema's messages use. It
 * may load nothing else of lib/ at run time (`import type` only), so schemas/ still loads no core.
 */
const VOCABULARY = 'lib/vocabulary/';

/** One forbidden edge or forbidden use, as `file: what`. */
export interface Violation {
  file: string;
  message: string;
}

const SOURCE = /\.(ts|mts|mjs|js|astro|mdx)$/;
// Static imports and re-exports start a line (also in .astro frontmatter and .mdx); a dynamic `import('…')` counts
// outside comments, unless a double quote precedes it on its line (test data written as a string).
const STATIC_IMPORT = /^\s*(?:(?:import|export)\b[^;'"]*?\bfrom|import)\s*(['"])([^'"\n]+)\1/gm;
const DYNAMIC_IMPORT = /^(?!\s*(?:\/[/*]|\*))[^"\n]*?\bimport\(\s*(['"])([^'"\n]+)\1\s*\)/gm;
const BUILTINS = new Set(builtinModules);
// `import type … from` and `export type … from`: erased, never loaded at run time
const TYPE_ONLY = /^\s*(?:import|export)\s+type\b[^;'"]*?\bfrom\s*(['"])([^'"\n]+)\1/gm;

const layerOf = (path: string): Layer | undefined => LAYERS.find((l) => path === l || path.startsWith(l + '/'));

/** The import specifiers of a source text (static, re-exports and dynamic `import('…')`). */
export function importsOf(text: string): string[] {
  return [...text.matchAll(STATIC_IMPORT), ...text.matchAll(DYNAMIC_IMPORT)].map((m) => m[2]!);
}

/** The package a bare specifier names (`@scope/name`, `name`), or undefined for node builtins and virtual modules. */
function packageOf(spec: string): string | undefined {
  if (spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0]!)) return undefined;
  if (/^(virtual|astro):/.test(spec)) return undefined;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function walk(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : walk(root, path);
    return SOURCE.test(e.name) ? [path] : [];
  });
}

/** A use of the environment in the pure core: the clock, the process, or a Node builtin. */
const IMPURE: readonly [RegExp, string][] = [
  [/\bprocess\.\w/, 'uses process (lib/ takes its inputs as arguments)'],
  [/\bDate\.now\s*\(|new Date\(\s*\)/, 'reads the clock (lib/ takes today as an argument)'],
];

/**
 * Every forbidden import and use under `root` (a checkout): the layer rules of docs/architecture.md, undeclared
 * packages, and the purity of lib/ and schemas/. An empty list means the tree keeps its architecture.
 */
export function checkArchitecture(root: string): Violation[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
  const violations: Violation[] = [];
  const files = LAYERS.flatMap((l) => {
    try {
      return walk(root, l);
    } catch {
      return []; // a layer that does not exist (yet) has nothing to check
    }
  });
  for (const file of files) {
    const from = layerOf(file)!;
    const text = readFileSync(join(root, file), 'utf8');
    for (const spec of importsOf(text)) {
      if (spec.startsWith('.')) {
        const target = normalize(join(dirname(file), spec))
          .split(sep)
          .join('/');
        const to = layerOf(target);
        if (!to || to === from) continue;
        if (from === 'schemas' && target.startsWith(VOCABULARY)) continue;
        if (!MAY_IMPORT[from].includes(to)) violations.push({ file, message: `${from}/ may not import ${to}/ (${spec})` });
        continue;
      }
      const name = packageOf(spec);
      if ((from === 'lib' || from === 'schemas') && !name && !/^(virtual|astro):/.test(spec))
        violations.push({ file, message: `${from}/ may not import the Node builtin ${spec}` });
      if (name && !declared.has(name)) violations.push({ file, message: `imports ${name}, which package.json does not declare` });
    }
    if (file.startsWith(VOCABULARY))
      for (const spec of importsOf(text.replace(TYPE_ONLY, ''))) {
        const target = normalize(join(dirname(file), spec))
          .split(sep)
          .join('/');
        if (target.startsWith('lib/') && !target.startsWith(VOCABULARY))
          violations.push({ file, message: `lib/vocabulary/ may import only types from the rest of lib/ (${spec}): schemas/ imports it` });
      }
    if (from === 'lib' || from === 'schemas')
      for (const [pattern, what] of IMPURE) if (pattern.test(text)) violations.push({ file, message: `${from}/ ${what}` });
  }
  return violations;
}

/**
 * The packages that `entry` (a path under `root`) reaches through its imports, static and dynamic, following our
 * own modules: what a process running it may load.
 */
export function packagesReachedFrom(root: string, entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(readFileSync(join(root, file), 'utf8'))) {
      if (spec.startsWith('.'))
        visit(
          normalize(join(dirname(file), spec))
            .split(sep)
            .join('/'),
        );
      else {
        const name = packageOf(spec);
        if (name) packages.add(name);
      }
    }
  };
  visit(entry);
  return packages;
}

/**
 * The files of the run-time folders (everything but `tools/`, `test/` and the config files) that load `pkg` when they
 * load: a static import that is not `import type`. A package they must load only when needed has none.
 */
export function staticImportersOf(root: string, pkg: string): string[] {
  return walk(root, '')
    .filter((file) => /^(schemas|lib|io|actions|scripts|werkplek|site|report)\//.test(file))
    .filter((file) =>
      [...readFileSync(join(root, file), 'utf8').replace(TYPE_ONLY, '').matchAll(STATIC_IMPORT)].some((m) => packageOf(m[2]!) === pkg),
    );
}

/** The violations as lines `file: message`, for a test's failure message. */
export const formatViolations = (vs: readonly Violation[]): string => vs.map((v) => `${v.file}: ${v.message}`).join('\n');

/** The root of this checkout. */
export const PROJECT_ROOT = relative(process.cwd(), join(import.meta.dirname, '..')) || '.';
