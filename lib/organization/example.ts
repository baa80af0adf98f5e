import type { Organization } from '../../schemas/organization.ts';

/**
 * The example organization the repository ships (organization.yml): its contact block and organizers exactly. A
 * practice that set up its own has another name, address or organizers, so only a fresh copy matches; a change to any
 * of these fields (a real colleague, a real address) ends the first run.
 */
const EXAMPLE = {
  organization: {
    name: 'Organize4all',
    email: 'klachten@organize4all.nl',
    phone: '+31 6 12345678',
    postal_address: 'Organize4all, t.a.v. klachten, Postbus 1234, 1000 AB Amsterdam',
    website: 'https://www.organize4all.nl',
  },
  organizers: [
    { key: 'anouk', name: 'Anouk Jansen', github: 'anouk-o4a' },
    { key: 'bram', name: 'Bram de Wit', github: 'bram-o4a' },
  ],
} as const;

/** Whether `org` is the example organization the repository ships: then the werkplek opens Inrichten first. */
export function isExampleOrganization(org: Pick<Organization, 'organization' | 'organizers'>): boolean {
  const o = org.organization;
  const e = EXAMPLE.organization;
  return (
    o.name === e.name &&
    o.email === e.email &&
    (o.phone ?? '') === e.phone &&
    o.postal_address === e.postal_address &&
    o.website === e.website &&
    org.organizers.length === EXAMPLE.organizers.length &&
    org.organizers.every((p, i) => {
      const x = EXAMPLE.organizers[i]!;
      return p.key === x.key && p.name === x.name && p.github === x.github;
    })
  );
}

/**
 * Every version of the example case files the project ever shipped in `cases/`, by path under the cases folder and
 * Git blob id (the SHA-1 of `blob <size>\0<bytes>`, what `git hash-object` prints). A file is an example only when
 * its path and exact bytes are one of these: a case she registered, or an example she changed, never is.
 * `test/lib/organization/example.test.ts` fails when a shipped example changes without its new id here.
 */
export const EXAMPLE_CASES: Readonly<Record<string, readonly string[]>> = {
  '2025/K-2025-001.md': ['df668f583673eb19c2f5000f99f8811544559aea'],
  '2026/K-2026-001.md': ['3783845cba446e63f08aeed2f511dced77b927d2'],
  '2026/K-2026-002.md': ['95acd4c1c5966d2d051c10f894c972950b7a8256', '436a0246e256e21aeac40de5d7dd4c7d4690cf2f'],
  '2026/K-2026-003.md': ['d39a9980874251a747646a7f15b11456e120c09e'],
  '2026/K-2026-004.md': ['ded3a76386f3113dd8acf8fef4f25f205813a39e', 'd04347b9e85b6038567e142f3212840a45188b78'],
};

/** A case file as found: its path under the cases folder (`2026/K-2026-001.md`, `/` as separator) and its Git blob id. */
export interface FoundFile {
  path: string;
  blob: string;
}

/** The files among `files` that are shipped examples, exactly (path and bytes). */
export function exampleCasesAmong(files: readonly FoundFile[]): FoundFile[] {
  return files.filter((f) => EXAMPLE_CASES[f.path]?.includes(f.blob) === true);
}
