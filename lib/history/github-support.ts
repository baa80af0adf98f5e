import type { RemovalReason } from './erasure-log.ts';

/**
 * `owner/name` of a GitHub remote address (`git@github.com:o/n.git`, `https://github.com/o/n`), or undefined for
 * another host. Only the two names: a token or user name in the address is never kept.
 */
export function githubRepository(url: string): string | undefined {
  const m = /github\.com[:/]+([A-Za-z0-9][\w.-]*)\/([\w.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/**
 * The request to GitHub Support to remove what a rewrite cannot reach: cached views of the old commits and
 * references to them (pull requests), until GitHub's own clean-up. In English, as GitHub Support reads it; the
 * repository, the date, the first changed commits and the rewritten branches by their old ids, and no personal
 * data (nor a case id).
 */
export function githubSupportRequest(o: {
  repository: string | undefined;
  date: string;
  reasons: readonly RemovalReason[];
  first: readonly string[];
  /** The remote's branches that were set to the rewritten history, with their old and new ids. */
  pushed: readonly { branch: string; old: string; new: string }[];
}): string {
  const why = [
    ...(o.reasons.includes('request') ? ["a data subject's request for erasure (art. 17 GDPR)"] : []),
    ...(o.reasons.includes('retention') ? ['the end of our retention period (art. 5(1)(e) GDPR)'] : []),
  ].join(' and ');
  return [
    'Hello GitHub Support,',
    '',
    `On ${o.date} we removed personal data from the history of our private repository ${o.repository ?? '<owner>/<repository>'}, following ${why || 'the GDPR'}. We rewrote every branch that held it and force-pushed the result (with a lease).`,
    '',
    'Please remove the cached views of the old commits and any references to them (also in pull requests), and let the old, now unreachable objects be garbage-collected, so that they can no longer be reached by their ids.',
    '',
    `Repository: ${o.repository ?? '<owner>/<repository>'}`,
    'First changed commits (old ids):',
    ...o.first.map((c) => `- ${c}`),
    'Rewritten branches (old id -> new id):',
    ...o.pushed.map((p) => `- ${p.branch}: ${p.old} -> ${p.new}`),
    '',
    'The data concerns a client of our practice; for that reason this request does not repeat it.',
    '',
    'Thank you.',
  ].join('\n');
}
