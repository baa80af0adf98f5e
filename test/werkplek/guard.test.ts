// The guard: only the werkplek's own Host, and for a state-changing request only its own Origin, compared with
// a fixed list made from the port (and Codespaces' forwarded host), never with the request's own headers.
import { describe, expect, it } from 'vitest';
import { allowedHosts, checkRequest, type GuardedRequest } from '../../werkplek/guard.ts';

const PORT = 4321;
const local = allowedHosts(PORT, {});
const CODESPACE = {
  CODESPACES: 'true',
  CODESPACE_NAME: 'octocat-literate-space-parakeet-mld5',
  GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN: 'app.github.dev',
};
const codespace = allowedHosts(PORT, CODESPACE);
const FORWARDED = 'octocat-literate-space-parakeet-mld5-4321.app.github.dev';

const req = (method: string, headers: GuardedRequest['headers'], url = '/'): GuardedRequest => ({ method, url, headers });
/** What a browser sends for a form posted from one of the werkplek's pages at `origin`. */
const post = (host: string, origin: string, site = 'same-origin') => req('POST', { host, origin, 'sec-fetch-site': site }, '/nieuw');

describe('allowedHosts', () => {
  it('is 127.0.0.1, localhost and [::1] with the port, nothing else, outside Codespaces', () => {
    expect([...local.hosts]).toEqual(['127.0.0.1:4321', 'localhost:4321', '[::1]:4321']);
    expect([...local.origins]).toEqual(['http://127.0.0.1:4321', 'http://localhost:4321', 'http://[::1]:4321']);
    expect(local.codespaces).toBe(false);
  });

  it('adds the forwarded host in GitHub Codespaces', () => {
    expect(codespace.hosts).toContain(FORWARDED);
    expect(codespace.origins).toContain(`https://${FORWARDED}`);
    expect(codespace.codespaces).toBe(true);
  });

  it.each([
    ['CODESPACES is not true', { ...CODESPACE, CODESPACES: 'false' }],
    ['no codespace name', { ...CODESPACE, CODESPACE_NAME: '' }],
    ['no forwarding domain', { ...CODESPACE, GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN: undefined }],
    ['a name that is no host name', { ...CODESPACE, CODESPACE_NAME: 'evil.example/x' }],
  ])('adds nothing when %s', (_, env) => {
    const a = allowedHosts(PORT, env);
    expect(a.codespaces).toBe(false);
    expect(a.hosts.size).toBe(3);
  });

  it('port 80: also the host without a port, as browsers send it', () => {
    expect(allowedHosts(80).hosts).toContain('localhost');
    expect(allowedHosts(80).origins).toContain('http://localhost');
  });
});

describe('checkRequest outside Codespaces', () => {
  it.each([
    ['a page from 127.0.0.1', req('GET', { host: '127.0.0.1:4321' })],
    ['a page from localhost', req('GET', { host: 'localhost:4321' })],
    ['a page from [::1]', req('GET', { host: '[::1]:4321' })],
    ['a HEAD', req('HEAD', { host: '127.0.0.1:4321' })],
    ['a host in capitals', req('GET', { host: 'LOCALHOST:4321' })],
    [
      'a link followed from another site (no Origin on a navigation)',
      req('GET', { host: '127.0.0.1:4321', 'sec-fetch-site': 'cross-site' }),
    ],
    ['a GET with its own Origin', req('GET', { host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4321' })],
    ['a form posted from 127.0.0.1', post('127.0.0.1:4321', 'http://127.0.0.1:4321')],
    ['a form posted from localhost', post('localhost:4321', 'http://localhost:4321')],
    ['a form posted by a browser without Sec-Fetch-Site', req('POST', { host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4321' })],
  ])('accepts %s', (_, r) => {
    const verdict = checkRequest(r, local);
    expect(verdict).toEqual({ ok: true });
  });

  it.each([
    // DNS rebinding: evil.example resolves to 127.0.0.1; the browser sends its own name, same-origin
    ['a rebound page (GET)', req('GET', { host: 'evil.example:4321', 'sec-fetch-site': 'same-origin' }), 'host'],
    ['a rebound page (POST)', post('evil.example:4321', 'http://evil.example:4321'), 'host'],
    ['another port', req('GET', { host: '127.0.0.1:4322' }), 'host'],
    ['no port', req('GET', { host: '127.0.0.1' }), 'host'],
    ['no Host at all', req('GET', {}), 'host'],
    ['an empty Host', req('GET', { host: '' }), 'host'],
    ['a host that only starts with ours', req('GET', { host: '127.0.0.1:43210' }), 'host'],
    ['another address of this machine', req('GET', { host: '192.168.1.10:4321' }), 'host'],
    ['0.0.0.0', req('GET', { host: '0.0.0.0:4321' }), 'host'],
    ['a Codespaces host outside Codespaces', req('GET', { host: FORWARDED }), 'host'],
    // X-Forwarded-* is ignored outside Codespaces: it cannot make a foreign Host or Origin ours
    [
      'a foreign Host with our name as X-Forwarded-Host',
      req('GET', { host: 'evil.example', 'x-forwarded-host': '127.0.0.1:4321' }),
      'host',
    ],
    [
      'a foreign Origin matching X-Forwarded-Host',
      req('POST', { host: '127.0.0.1:4321', origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' }),
      'origin',
    ],
    ['a POST from another site', post('127.0.0.1:4321', 'http://evil.example:4321', 'cross-site'), 'origin'],
    ['a POST whose Origin is the request own (rebound) Host', post('evil.example:4321', 'http://evil.example:4321'), 'host'],
    ['a POST without Origin', req('POST', { host: '127.0.0.1:4321' }), 'origin'],
    ['a POST with Origin null (a sandboxed frame, a file)', post('127.0.0.1:4321', 'null'), 'origin'],
    ['a POST with an https Origin of ours', post('127.0.0.1:4321', 'https://127.0.0.1:4321'), 'origin'],
    ['a POST with our Origin but from another site', post('127.0.0.1:4321', 'http://127.0.0.1:4321', 'cross-site'), 'fetch-site'],
    ['a POST not started by a page (Sec-Fetch-Site none)', post('127.0.0.1:4321', 'http://127.0.0.1:4321', 'none'), 'fetch-site'],
    ['a PUT without Origin', req('PUT', { host: '127.0.0.1:4321' }), 'origin'],
    ['a DELETE without Origin', req('DELETE', { host: '127.0.0.1:4321' }), 'origin'],
    [
      'a GET with a foreign Origin (a script on another site)',
      req('GET', { host: '127.0.0.1:4321', origin: 'http://evil.example' }),
      'origin',
    ],
    ['two Origins', req('POST', { host: '127.0.0.1:4321', origin: ['http://127.0.0.1:4321', 'http://evil.example'] }), 'origin'],
    ['an absolute target naming another host', req('GET', { host: '127.0.0.1:4321' }, 'http://evil.example/'), 'target'],
    ['the asterisk target', req('OPTIONS', { host: '127.0.0.1:4321' }, '*'), 'target'],
  ] as const)('refuses %s (%s)', (_, r, reason) => {
    const verdict = checkRequest(r, local);
    expect(verdict).toMatchObject({ ok: false, status: 403, reason });
    if (!verdict.ok)
      expect(verdict.message).toMatch(/^Geweigerd: dit verzoek kwam niet van de werkplek zelf\..*http:\/\/127\.0\.0\.1:4321\/$/);
  });

  it('never names the refused host in its message', () => {
    const verdict = checkRequest(req('GET', { host: 'evil.example:4321' }), local);
    expect(verdict.ok || verdict.message.includes('evil')).toBe(false);
  });
});

describe('checkRequest in GitHub Codespaces', () => {
  it.each([
    ['the forwarded host', req('GET', { host: FORWARDED })],
    ['the forwarded host with port 443', req('GET', { host: `${FORWARDED}:443` })],
    ['the proxy naming the forwarded host', req('GET', { host: 'localhost:4321', 'x-forwarded-host': FORWARDED })],
    ['a form posted from the forwarded page', post('localhost:4321', `https://${FORWARDED}`)],
    ['a form posted on the forwarded host', post(FORWARDED, `https://${FORWARDED}`)],
    ['a form posted on 127.0.0.1 still', post('127.0.0.1:4321', 'http://127.0.0.1:4321')],
  ])('accepts %s', (_, r) => {
    expect(checkRequest(r, codespace)).toEqual({ ok: true });
  });

  it.each([
    ['another codespace', req('GET', { host: 'someone-else-4321.app.github.dev' }), 'host'],
    ['another port of this codespace', req('GET', { host: 'octocat-literate-space-parakeet-mld5-8080.app.github.dev' }), 'host'],
    ['a foreign X-Forwarded-Host', req('GET', { host: 'localhost:4321', 'x-forwarded-host': 'evil.example' }), 'forwarded-host'],
    ['a POST from another codespace', post('localhost:4321', 'https://someone-else-4321.app.github.dev', 'same-site'), 'origin'],
    ['a POST over http to the forwarded host', post(FORWARDED, `http://${FORWARDED}`), 'origin'],
    ['a rebound page', post('evil.example:4321', 'http://evil.example:4321'), 'host'],
  ] as const)('refuses %s (%s)', (_, r, reason) => {
    expect(checkRequest(r, codespace)).toMatchObject({ ok: false, status: 403, reason });
  });
});
