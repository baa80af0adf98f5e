import { describe, expect, it } from 'vitest';
import { gitProblemMessage, identityOf, remoteFailureMessage } from '../../../lib/sharing/messages.ts';

describe('remoteFailureMessage', () => {
  it.each([
    [{ timedOut: true, err: '', seconds: 30 }, /^de gedeelde opslag gaf binnen 30 seconden geen antwoord/],
    [{ timedOut: false, err: 'fatal: Authentication failed for ...', seconds: 30 }, /weigerde de toegang/],
    [{ timedOut: false, err: 'ssh: connect to host x port 22: Connection refused', seconds: 30 }, /niet bereikbaar/],
    [
      { timedOut: false, err: "fatal: unable to access 'https://github.com/o/r.git/': The requested URL returned error: 403", seconds: 30 },
      /weigerde de toegang/,
    ],
    [
      { timedOut: false, err: "fatal: unable to access 'https://x/r.git/': The requested URL returned error: 401", seconds: 30 },
      /weigerde de toegang/,
    ],
    // a port with 401 or 403 in it is no refusal (test/io/sharing.test.ts met one: 'weigerde de toegang' for a silent remote)
    [
      {
        timedOut: false,
        err: "fatal: unable to access 'http://127.0.0.1:40123/remote.git/': Operation too slow. Less than 1000 bytes/sec",
        seconds: 30,
      },
      /niet bereikbaar/,
    ],
    [
      { timedOut: false, err: "fatal: unable to access 'http://127.0.0.1:34031/remote.git/': Failed to connect", seconds: 30 },
      /niet bereikbaar/,
    ],
  ])('%j', (f, said) => expect(remoteFailureMessage(f)).toMatch(said));
});

describe('gitProblemMessage', () => {
  it.each([
    [{ kind: 'detached' as const }, /Vraag hulp: wie de dossiermap beheert/],
    [{ kind: 'stale-lock' as const, lock: '/x/.git/index.lock' }, /Slot opzijzetten/],
    [{ kind: 'busy-lock' as const }, /Een ander programma is nog bezig/],
    [{ kind: 'no-identity' as const }, /Wie ben ik/],
    [{ kind: 'failed' as const }, /vraag hulp/],
  ])('%j says what to do', (p, said) => {
    expect(gitProblemMessage(p)).toMatch(said);
    expect(gitProblemMessage(p)).not.toMatch(/fatal|error/i);
  });
});

describe('identityOf', () => {
  it('her name and her GitHub no-reply address', () =>
    expect(identityOf({ name: 'Anouk Jansen', github: 'anouk-o4a' })).toEqual({
      name: 'Anouk Jansen',
      email: 'anouk-o4a@users.noreply.github.com',
    }));
});
