import { decodeJwt } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseCheckReport } from '../../resource-server/check-report';
import { setServerStore } from '../../realms/registry';
import { createLab, type LabRealm } from '../../realms/test-lab';
import { inProcessFetch } from '../../server-router';
import { MemoryStore } from '../../store/memory-store';

const PRINT_API = 'https://print.example/api';

function clientCredentials(lab: LabRealm, extra = '') {
  return inProcessFetch(`${lab.issuer}/token`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${Buffer.from('service:service-secret').toString('base64')}`,
    },
    body: `grant_type=client_credentials&scope=photos:read${extra}`,
  });
}

describe('RFC 8707 resource indicators at the token endpoint (client credentials)', () => {
  beforeEach(() => setServerStore(new MemoryStore()));

  it('mints a token whose aud is the resource asked for, when the realm serves that API', async () => {
    const lab = await createLab([], { resources: [PRINT_API] });
    const res = await clientCredentials(lab, `&resource=${encodeURIComponent(PRINT_API)}`);
    expect(res.status).toBe(200);
    expect(decodeJwt((await res.json()).access_token).aud).toBe(PRINT_API);
  });

  it('without resource, or with the realm’s own RS, the token is for the realm’s own RS', async () => {
    const lab = await createLab([], { resources: [PRINT_API] });
    for (const extra of ['', `&resource=${encodeURIComponent(lab.resource)}`]) {
      const res = await clientCredentials(lab, extra);
      expect(decodeJwt((await res.json()).access_token).aud).toBe(lab.resource);
    }
  });

  it('refuses a resource the realm does not serve with 400 invalid_target', async () => {
    const lab = await createLab([]);
    const res = await clientCredentials(lab, `&resource=${encodeURIComponent(PRINT_API)}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('invalid_target');
    expect(body.error_description).toContain(lab.resource);
  });

  it('the hardened RS refuses the other API’s token on aud, after iss passed', async () => {
    const lab = await createLab([], { resources: [PRINT_API] });
    const token = (await (await clientCredentials(lab, `&resource=${encodeURIComponent(PRINT_API)}`)).json()).access_token;
    const res = await inProcessFetch(`${lab.resource}/photos`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    const checks = parseCheckReport(res.headers.get('flowlab-checks'));
    expect(checks.map((c) => `${c.check}:${c.outcome}`).slice(-2)).toEqual(['iss:pass', 'aud:fail']);
  });
});
