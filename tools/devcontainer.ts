// What the dev container spec's JSON schema cannot say about .devcontainer/devcontainer.json (test/devcontainer.test.ts):
// an image tag that exists, features by full OCI id with a version, commands that name this project's npm scripts.

/**
 * The javascript-node images with Node 24 (devcontainers/images, src/javascript-node/manifest.json): the 24 variants
 * came with image version 3.0.0; 1.x and 2.x never had one (`1-24-bookworm` does not exist). Tags:
 * `<major>[.<minor>[.<patch>]]-24[-trixie|-bookworm|-bullseye]`.
 */
export const NODE_24_IMAGE =
  /^mcr\.microsoft\.com\/devcontainers\/javascript-node:(\d+)(?:\.\d+){0,2}-24(?:-(?:trixie|bookworm|bullseye))?$/;
/** The first image version with Node 24 variants. */
export const FIRST_NODE_24_MAJOR = 3;
/** A feature by its full OCI reference with a version: `ghcr.io/devcontainers/features/github-cli:1`. */
export const FEATURE_ID = /^[a-z0-9.-]+\.[a-z]{2,}\/[a-z0-9._-]+(?:\/[a-z0-9._-]+)+:\d+(?:\.\d+){0,2}$/;

const LIFECYCLE = [
  'initializeCommand',
  'onCreateCommand',
  'updateContentCommand',
  'postCreateCommand',
  'postStartCommand',
  'postAttachCommand',
] as const;

/** Every command line of a lifecycle property: a string, an array (one command, its arguments), or an object of them. */
function commandLines(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return [value.join(' ')];
  if (value && typeof value === 'object') return Object.values(value).flatMap(commandLines);
  return [];
}

/** The problems of a devcontainer.json (parsed) that the spec's schema leaves open; `scripts`: package.json's. */
export function devcontainerProblems(config: Record<string, unknown>, scripts: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  const image = config.image;
  if (typeof image === 'string') {
    const m = NODE_24_IMAGE.exec(image);
    if (!m) problems.push(`image: ${image} is no javascript-node image with Node 24 (expected e.g. …/javascript-node:4-24-bookworm)`);
    else if (Number(m[1]) < FIRST_NODE_24_MAJOR)
      problems.push(`image: ${image}: image version ${m[1]} never had Node 24 (from ${FIRST_NODE_24_MAJOR} on)`);
  } else problems.push('image: missing (this project uses a prebuilt javascript-node image)');
  for (const id of Object.keys((config.features as Record<string, unknown> | undefined) ?? {}))
    if (!FEATURE_ID.test(id))
      problems.push(`features: "${id}" is no full OCI id with a version (e.g. ghcr.io/devcontainers/features/node:1)`);
  for (const key of LIFECYCLE)
    for (const line of commandLines(config[key]))
      for (const [, sub, name] of line.matchAll(/\bnpm\s+(run(?:-script)?|ci|install|i|test|start)\b(?:\s+([\w:.-]+))?/g)) {
        const script = sub === 'test' || sub === 'start' ? sub : sub!.startsWith('run') ? name : undefined;
        if (sub!.startsWith('run') && !name) problems.push(`${key}: "${line}" runs npm run without a script`);
        else if (script !== undefined && !(script in scripts))
          problems.push(`${key}: npm script "${script}" does not exist in package.json`);
      }
  return problems;
}
