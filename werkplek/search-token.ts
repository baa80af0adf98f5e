/**
 * A search in an address without the search in it. The search box posts (POST /zoeken: the words are never in an
 * address, the browser's history or its synced history, a Referer or the request log); the answer redirects to
 * `/?z=<token>`, the words sealed with a key that lives in this process only (AES-256-GCM). The page can be
 * reloaded, paged and reached again with Back while the werkplek runs; after a restart the token opens nothing.
 */
const crypto = () => process.getBuiltinModule('node:crypto');
let key: Buffer | undefined;
const keyOf = () => (key ??= crypto().randomBytes(32));

/** The words of a search, sealed for an address (base64url). */
export function sealSearch(words: string): string {
  const iv = crypto().randomBytes(12);
  const cipher = crypto().createCipheriv('aes-256-gcm', keyOf(), iv);
  const sealed = Buffer.concat([cipher.update(words, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The words a token holds; undefined when this process did not seal it (a restart, a changed address). */
export function openSearch(token: string): string | undefined {
  try {
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length < 28) return undefined;
    const decipher = crypto().createDecipheriv('aes-256-gcm', keyOf(), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
