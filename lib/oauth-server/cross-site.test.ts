import { beforeEach, describe, expect, it } from 'vitest';

import { setServerStore } from '../realms/registry';
import { MemoryStore } from '../store/memory-store';
import { ORIGIN } from './integration/harness';
import { authorizeUrl, browser, signInAndConsent } from './test-fixtures/browser';

beforeEach(() => setServerStore(new MemoryStore()));

const FORMS = ['login', 'consent', 'logout', 'device'];
const CROSS_SITE: Record<string, string>[] = [
  { 'sec-fetch-site': 'cross-site' },
  { 'sec-fetch-site': 'cross-site', origin: ORIGIN },
  { 'sec-fetch-site': 'same-site', origin: 'http://other.localhost:3000' },
  { origin: 'https://evil.example' },
  { origin: 'null' },
];

describe('cross-site POSTs to the AS forms (CSRF, RFC 6749 §10.12)', () => {
  it.each(FORMS.flatMap((form) => CROSS_SITE.map((headers) => [form, headers] as const)))(
    'refuses POST /%s with %o: 403 page, no cookie touched',
    async (form, headers) => {
      const b = await signedIn();
      const res = await b.post(`/as/demo/${form}`, { user_code: 'BCDF-GHJK', pending: 'x'.repeat(43), decision: 'allow' }, headers);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('another site');
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(await stillSignedIn(b)).toBe(true);
    },
  );

  it('accepts a same-origin POST, and one without Origin or Sec-Fetch-Site (curl)', async () => {
    const same = await signedIn();
    expect((await same.post('/as/demo/logout', {}, { origin: ORIGIN })).status).toBe(303);
    expect(await stillSignedIn(same)).toBe(false);
    // What Chromium sends for the AS's own forms: Referrer-Policy no-referrer makes Origin "null".
    const ownPage = await signedIn();
    expect((await ownPage.post('/as/demo/logout', {}, { origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(303);
    expect(await stillSignedIn(ownPage)).toBe(false);
    const curl = await signedIn();
    expect((await curl.post('/as/demo/logout', {})).status).toBe(303);
    expect(await stillSignedIn(curl)).toBe(false);
  });

  it('clears only the cookies the request carried: a logout without a session cookie sets none', async () => {
    const res = await browser().post('/as/demo/logout', {});
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

async function signedIn() {
  const b = browser();
  await signInAndConsent(b, (await authorizeUrl()).url, 'allow');
  return b;
}

async function stillSignedIn(b: ReturnType<typeof browser>): Promise<boolean> {
  const res = await b.go((await authorizeUrl()).url);
  return res.status === 303 && res.headers.get('location')!.includes('/as/demo/consent');
}
