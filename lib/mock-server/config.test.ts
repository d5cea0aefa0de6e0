import { describe, expect, it } from 'vitest';
import { definitionsFromConfig } from '../realms/configured';
import { parseMockConfig, parseMockConfigText } from './config';

const client = { id: 'app', secret: 's', redirectUris: ['http://localhost:5173/cb'], grants: ['authorization_code'] };
const errorsOf = (value: unknown) => {
  const result = parseMockConfig(value);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
};

describe('flowlab-mock config', () => {
  it('accepts a realm and fills the defaults (auth methods from the secret, every realm scope, demo lifetimes, jwt)', () => {
    const result = parseMockConfig({ realms: { shop: { clients: [client], lifetimes: { accessToken: 60 } } } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const shop = definitionsFromConfig(result.config).get('shop')!;
    const app = shop.clients.find((c) => c.clientId === 'app')!;
    expect(app).toMatchObject({
      type: 'confidential',
      authMethods: ['client_secret_basic', 'client_secret_post'],
      grantTypes: ['authorization_code'],
    });
    expect(app.scopes).toContain('openid');
    expect(shop.clients.map((c) => c.clientId)).toContain('rs');
    expect(shop.lifetimes).toMatchObject({ accessToken: 60, authorizationCode: 60 });
    expect(shop.settings.accessTokenFormat).toBe('jwt');
    expect(shop.weaknesses).toEqual([]);
  });

  it('names the path and the problem of every error', () => {
    const errors = errorsOf({
      realms: {
        shop: {
          clients: [
            { id: 'rs', grants: ['magic'] },
            { id: 'pub', grants: ['client_credentials'] },
            { id: 'web', grants: ['authorization_code'], secret: 's', redirectUris: ['https://x.test/cb#frag'] },
          ],
          users: [{ username: 'a', password: 'p', claims: { sub: 'x' } }],
          weaknesses: ['nope'],
          lifetime: 5,
        },
        'bad/id': { clients: [client] },
      },
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^realms\.shop\.clients\[0\]\.id: "rs" is reserved/),
        expect.stringMatching(/^realms\.shop\.clients\[0\]\.grants\[0\]: Invalid option/),
        expect.stringMatching(/^realms\.shop\.clients\[1\]\.grants: client_credentials and password need a confidential client/),
        expect.stringMatching(/^realms\.shop\.clients\[2\]\.redirectUris\[0\]: must be an absolute http\(s\) URL without a fragment/),
        expect.stringMatching(/^realms\.shop\.users\[0\]\.claims\.sub: "sub" is set by the server/),
        expect.stringMatching(/^realms\.shop\.weaknesses\[0\]: unknown weakness "nope"/),
        expect.stringMatching(/^realms\.shop: Unrecognized key: "lifetime"/),
        expect.stringMatching(/^realms\.bad\/id: the key is invalid: a realm id is/),
      ]),
    );
  });

  it('refuses weaknesses that fill one policy point, duplicate clients and unknown client scopes', () => {
    const errors = errorsOf({ realms: { r: { clients: [client, { ...client, scopes: ['nope'] }], scopes: { openid: 'x' } } } });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^realms\.r\.clients\[1\]\.id: client "app" is defined twice/),
        expect.stringMatching(/^realms\.r\.clients\[1\]\.scopes\[0\]: "nope" is not one of the realm's scopes/),
      ]),
    );
    const both = parseMockConfig({
      realms: { r: { clients: [client], weaknesses: ['as-redirect-uri-prefix', 'as-redirect-uri-substring'] } },
    });
    expect(both.ok).toBe(true);
    if (both.ok) expect(() => definitionsFromConfig(both.config)).toThrow(/both fill the policy point/);
  });

  it('reports malformed, hostile and huge input as errors, never a throw', () => {
    expect(parseMockConfigText('{')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^config: is not valid JSON/)] });
    expect(parseMockConfigText('x'.repeat(1024 * 1024 + 1))).toMatchObject({ ok: false, errors: [expect.stringMatching(/larger than/)] });
    expect(errorsOf(null)[0]).toMatch(/^\(top level\): /);
    expect(errorsOf({ realms: { r: { clients: [client], ['__proto__']: 1 } } }).length).toBeGreaterThan(0);
    expect(
      errorsOf({ realms: { r: { clients: [client], users: [{ username: 'u', password: 'p', claims: { big: 'x'.repeat(9000) } }] } } })[0],
    ).toMatch(/claims: must be at most 8 KB/);
  });
});
