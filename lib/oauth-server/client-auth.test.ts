import { describe, expect, it } from 'vitest';

import { authenticateClient, secretsMatch } from './client-auth';
import { OAuthError } from './errors';
import { basic, testRealm } from './test-fixtures/realm';

const URL_ = 'http://localhost:3000/as/demo/token';

function request(headers: Record<string, string> = {}) {
  return new Request(URL_, { method: 'POST', headers });
}

async function failure(promise: Promise<unknown>): Promise<OAuthError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof OAuthError) return err;
    throw err;
  }
  throw new Error('expected an OAuthError');
}

describe('client authentication (RFC 6749 §2.3)', () => {
  it('authenticates a confidential client with client_secret_basic', async () => {
    const realm = await testRealm();
    const result = await authenticateClient(request({ Authorization: basic('web', 'web-secret') }), new Map(), realm);
    expect(result).toMatchObject({ method: 'client_secret_basic', client: { clientId: 'web' } });
  });

  it('form-urlencoding-decodes the Basic id and secret after base64 (RFC 6749 §2.3.1)', async () => {
    const realm = await testRealm();
    // "web-secret" percent-encoded throughout must still match.
    const encoded = `Basic ${Buffer.from('web:%77eb%2Dsecret').toString('base64')}`;
    const result = await authenticateClient(request({ Authorization: encoded }), new Map(), realm);
    expect(result.client.clientId).toBe('web');
  });

  it('authenticates a confidential client with client_secret_post', async () => {
    const realm = await testRealm();
    const form = new Map([
      ['client_id', 'service'],
      ['client_secret', 'service-secret'],
    ]);
    const result = await authenticateClient(request(), form, realm);
    expect(result).toMatchObject({ method: 'client_secret_post', client: { clientId: 'service' } });
  });

  it('accepts a public client that only names itself', async () => {
    const realm = await testRealm();
    const result = await authenticateClient(request(), new Map([['client_id', 'spa']]), realm);
    expect(result.method).toBe('none');
  });

  it('refuses a wrong Basic secret with 401 invalid_client and a Basic challenge', async () => {
    const realm = await testRealm();
    const err = await failure(authenticateClient(request({ Authorization: basic('web', 'nope') }), new Map(), realm));
    expect(err.code).toBe('invalid_client');
    expect(err.status).toBe(401);
    expect(err.headers['WWW-Authenticate']).toMatch(/^Basic realm="/);
  });

  it('refuses a wrong posted secret without a Basic challenge', async () => {
    const realm = await testRealm();
    const form = new Map([
      ['client_id', 'web'],
      ['client_secret', 'web-secreT'],
    ]);
    const err = await failure(authenticateClient(request(), form, realm));
    expect(err.code).toBe('invalid_client');
    expect(err.headers['WWW-Authenticate']).toBeUndefined();
  });

  it('refuses a confidential client that sends no secret', async () => {
    const realm = await testRealm();
    const err = await failure(authenticateClient(request(), new Map([['client_id', 'web']]), realm));
    expect(err.code).toBe('invalid_client');
  });

  it('refuses a public client that presents a secret', async () => {
    const realm = await testRealm();
    const err = await failure(
      authenticateClient(
        request(),
        new Map([
          ['client_id', 'spa'],
          ['client_secret', 'x'],
        ]),
        realm,
      ),
    );
    expect(err.code).toBe('invalid_client');
  });

  it('refuses an unknown client', async () => {
    const realm = await testRealm();
    const err = await failure(authenticateClient(request({ Authorization: basic('ghost', 'x') }), new Map(), realm));
    expect(err.code).toBe('invalid_client');
  });

  it('refuses two authentication methods at once with invalid_request', async () => {
    const realm = await testRealm();
    const form = new Map([['client_secret', 'web-secret']]);
    const err = await failure(authenticateClient(request({ Authorization: basic('web', 'web-secret') }), form, realm));
    expect(err.code).toBe('invalid_request');
  });

  it('refuses a body client_id that contradicts the Basic one', async () => {
    const realm = await testRealm();
    const err = await failure(
      authenticateClient(request({ Authorization: basic('web', 'web-secret') }), new Map([['client_id', 'spa']]), realm),
    );
    expect(err.code).toBe('invalid_request');
  });

  it.each([
    'Basic',
    'Basic !!!',
    'Bearer abc',
    `Basic ${Buffer.from('no-colon').toString('base64')}`,
    `Basic ${Buffer.from('web:%E0%A4%A').toString('base64')}`,
  ])('refuses the malformed Authorization header %j with invalid_client', async (header) => {
    const realm = await testRealm();
    const err = await failure(authenticateClient(request({ Authorization: header }), new Map(), realm));
    expect(err.code).toBe('invalid_client');
    expect(err.status).toBe(401);
  });

  it('compares secrets by content only', () => {
    expect(secretsMatch('web-secret', 'web-secret')).toBe(true);
    expect(secretsMatch('web-secret', 'web-secret ')).toBe(false);
    expect(secretsMatch('', 'web-secret')).toBe(false);
  });
});
