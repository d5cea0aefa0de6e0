import { describe, expect, it } from 'vitest';
import { OAuthError } from '../oauth-server/errors';
import { labRealmOf, parseLabBackendPath } from './lab-backend-path';

const req = (path: string) => new Request(`http://localhost:3000${path}`);

describe('the path of a lab-only backend', () => {
  it('gives the decoded realm id and the route', () => {
    expect(parseLabBackendPath(req('/bff/ab%2Dc/session'), 'bff')).toEqual({ id: 'ab-c', route: 'session' });
  });

  it.each(['/bff/x', '/bff/x/session/more', '/lab-client/x/session', '/bff/x/Session', '/bff//session'])(
    'refuses %s with a 404',
    (path) => {
      expect(() => parseLabBackendPath(req(path), 'bff')).toThrow(expect.objectContaining({ status: 404, message: 'Not found.' }));
    },
  );

  it('refuses a realm id that is not valid percent-encoding with a 404 that says so', () => {
    expect(() => parseLabBackendPath(req('/bff/%E0%A4%A/session'), 'bff')).toThrow('The path is not valid percent-encoding.');
  });

  it('serves no lab backend for demo, an over-long id or an unknown realm', async () => {
    for (const id of ['demo', 'x'.repeat(101), 'no-such-realm']) {
      const error = await labRealmOf(id, req('/bff/x/session'), 'The backend for frontend').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OAuthError);
      expect(error).toMatchObject({ status: 404, message: 'The backend for frontend exists only for lab realms.' });
    }
  });
});
