import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files `site/public/` may hold: the public site's own assets, copied as they are into dist/site/.
 * Anything else there (a letter written by `documents --out site/public`, an export) would be published,
 * so the public build stops (art. 4.4). Add a new asset here when the site needs one.
 */
export const PUBLIC_ASSETS: readonly string[] = ['favicon.svg'];

/** Files under `dir` (relative, `/`-separated, sorted) that are not in `allowed`. */
export function unexpectedPublicFiles(dir: string, allowed: readonly string[] = PUBLIC_ASSETS): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => !e.isDirectory())
      .map((e) =>
        join(e.parentPath, e.name)
          .slice(dir.length + 1)
          .replace(/\\/g, '/'),
      );
  } catch {
    return []; // no public folder: nothing to publish
  }
  return names.filter((n) => !allowed.includes(n)).sort();
}

/** Stop the build when `dir` holds anything but the site's own assets; the message names each file. */
export function assertOnlyPublicAssets(dir: string, allowed: readonly string[] = PUBLIC_ASSETS): void {
  const extra = unexpectedPublicFiles(dir, allowed);
  if (extra.length)
    throw new Error(
      `${dir} holds ${extra.length} file(s) that are not the public site's own assets, and would be published: ` +
        `${extra.join(', ')}. Move them out (letters belong in documents/, which Git ignores); ` +
        `a new asset of the site goes into PUBLIC_ASSETS in io/public-assets.ts.`,
    );
}
