// .devcontainer/devcontainer.json is valid for the dev container spec before anyone opens a codespace: it validates
// against the spec's JSON schema (test/devcontainer/devContainer.base.schema.json, from devcontainers/spec at
// c95ffee, schemas/devContainer.base.schema.json), its image tag is one that exists with Node 24, features are
// full OCI ids with a version, and its commands name npm scripts this project has (tools/devcontainer.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { devcontainerProblems } from '../tools/devcontainer.ts';
import { PROJECT_ROOT } from '../tools/architecture.ts';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');
const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

/** devcontainer.json as VS Code and the dev container CLI read it: JSON with comments, no trailing commas. */
function parseJsonc(text: string): Record<string, unknown> {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: false, disallowComments: false }) as Record<string, unknown>;
  if (errors.length) throw new Error(errors.map((e) => `${printParseErrorCode(e.error)} at ${e.offset}`).join(', '));
  return value;
}

/** The spec's schema, with the keywords VS Code's editor reads (descriptions, snippets) known, not enforced. */
function specValidator() {
  // strict about unknown keywords and formats; not about the schema's own style (it omits type: object beside unevaluatedProperties)
  const ajv = new Ajv2019({ allErrors: true, strict: true, strictTypes: false });
  ajv.addVocabulary([
    'allowComments',
    'allowTrailingCommas',
    'defaultSnippets',
    'deprecationMessage',
    'enumDescriptions',
    'markdownDescription',
  ]);
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  return ajv.compile(JSON.parse(read('test/devcontainer/devContainer.base.schema.json')));
}

const config = parseJsonc(read('.devcontainer/devcontainer.json'));

describe('.devcontainer/devcontainer.json', () => {
  const validate = specValidator();

  it('validates against the dev container spec’s schema', () => {
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('names an image tag that exists with Node 24, features by full id, and npm scripts that exist', () => {
    expect(devcontainerProblems(config, scripts)).toEqual([]);
    expect(config.postAttachCommand).toBe('npm run werkplek'); // a second attach finds the running werkplek
    expect(config.forwardPorts).toEqual([4321]); // the werkplek's default port (scripts/werkplek.ts)
    expect(String(config.postCreateCommand)).toMatch(/apt-get install -y --no-install-recommends chromium/);
  });

  it('the schema check fails on a misspelt or mistyped property', () => {
    expect(validate({ ...config, postAtachCommand: 'npm run werkplek' })).toBe(false);
    expect(validate({ ...config, forwardPorts: ['4321x'] })).toBe(false);
    expect(validate({ ...config, portsAttributes: { 4321: { onAutoForward: 'openbrowser' } } })).toBe(false);
  });

  it.each([
    ['the 1.x tag that never existed', { image: 'mcr.microsoft.com/devcontainers/javascript-node:1-24-bookworm' }, 'never had Node 24'],
    ['Node 22', { image: 'mcr.microsoft.com/devcontainers/javascript-node:4-22-bookworm' }, 'no javascript-node image with Node 24'],
    ['no version line', { image: 'mcr.microsoft.com/devcontainers/javascript-node:24-bookworm-slim' }, 'no javascript-node image'],
    ['a feature without its registry', { features: { 'devcontainers/features/github-cli:1': {} } }, 'no full OCI id'],
    ['a feature without a version', { features: { 'ghcr.io/devcontainers/features/github-cli': {} } }, 'no full OCI id'],
    ['an npm script that does not exist', { postAttachCommand: 'npm run werkplaats' }, 'npm script "werkplaats" does not exist'],
    ['one in an object of commands', { postCreateCommand: { a: 'npm ci', b: ['npm', 'run', 'nope'] } }, 'npm script "nope"'],
  ])('the static check fails on %s', (_, change, expected) => {
    expect(devcontainerProblems({ ...config, ...change }, scripts).join('\n')).toContain(expected);
  });

  it.each([
    'mcr.microsoft.com/devcontainers/javascript-node:4-24-bookworm',
    'mcr.microsoft.com/devcontainers/javascript-node:4.0-24-trixie',
    'mcr.microsoft.com/devcontainers/javascript-node:4.0.13-24',
    'mcr.microsoft.com/devcontainers/javascript-node:3-24-bullseye',
  ])('accepts %s', (image) => {
    expect(devcontainerProblems({ ...config, image, features: { 'ghcr.io/devcontainers/features/github-cli:1.0': {} } }, scripts)).toEqual(
      [],
    );
  });
});
