import { beforeEach, describe, expect, it } from 'vitest';
import { setServerStore } from '../../realms/registry';
import { inProcessFetch } from '../../server-router';
import { MemoryStore } from '../../store/memory-store';
import { ISSUER } from '../integration/harness';
import { authorizeUrl, browser, hidden } from '../test-fixtures/browser';

beforeEach(() => setServerStore(new MemoryStore()));

describe('consent page of the device grant (RFC 8628 §5.4 remote phishing)', () => {
  it('shows the user code being approved, with a warning against codes someone else sent', async () => {
    const res = await inProcessFetch(`${ISSUER}/device_authorization`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'tv', scope: 'openid' }),
    });
    const device = (await res.json()) as { user_code: string };
    const b = browser();
    const toLogin = await b.post('/as/demo/device', { user_code: device.user_code.toLowerCase() });
    const login = await b.go(toLogin.headers.get('location')!);
    const afterLogin = await b.post('/as/demo/login', { pending: hidden(await login.text()), username: 'alice', password: 'wonderland' });
    const consent = await (await b.go(afterLogin.headers.get('location')!)).text();
    expect(consent).toContain(`<strong class="user-code" data-user-code>${device.user_code}</strong>`);
    expect(consent).toMatch(/If someone sent you this code, deny/);
  });

  it('shows no device code on the consent page of an ordinary authorization request', async () => {
    const b = browser();
    const { url } = await authorizeUrl();
    const login = await b.go(url);
    const afterLogin = await b.post('/as/demo/login', { pending: hidden(await login.text()), username: 'alice', password: 'wonderland' });
    const consent = await (await b.go(afterLogin.headers.get('location')!)).text();
    expect(consent).toContain('Allow access?');
    expect(consent).not.toContain('data-user-code');
  });
});
