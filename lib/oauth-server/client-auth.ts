import { createHash, timingSafeEqual } from 'node:crypto';

import { OAuthError, invalidRequest } from './errors';
import type { ClientAuthMethod, ClientConfig, Realm } from '../realms/types';

export interface AuthenticatedClient {
  client: ClientConfig;
  method: ClientAuthMethod;
}

interface Presented {
  method: ClientAuthMethod;
  clientId: string;
  secret?: string;
}

/**
 * Client authentication at the token, introspection and revocation endpoints (RFC 6749 §2.3):
 * `client_secret_basic`, `client_secret_post`, or a public client naming itself with `client_id`
 * (RFC 6749 §2.1 / §3.2.1). A client uses exactly one method: two at once is `invalid_request`
 * (RFC 6749 §2.3). Failures are 401 `invalid_client`, with a `Basic` challenge when Basic was tried
 * (RFC 6749 §5.2).
 *
 * Does NOT check which grants the client may use; the token endpoint does that.
 */
export async function authenticateClient(request: Request, form: Map<string, string>, realm: Realm): Promise<AuthenticatedClient> {
  const basicChallenge = { 'WWW-Authenticate': `Basic realm="${realm.issuer}"` };
  const presented = presentedCredentials(request, form, basicChallenge);
  const challenge = presented.method === 'client_secret_basic' ? basicChallenge : {};
  const fail = (why: string) => new OAuthError('invalid_client', why, 401, challenge);

  const client = realm.clients.get(presented.clientId);
  if (!client) throw fail('Client authentication failed: unknown client.');
  if (!client.authMethods.includes(presented.method)) {
    throw fail(`Client authentication failed: this client does not use ${presented.method}.`);
  }
  if (presented.method !== 'none') {
    if (!client.secret || !secretsMatch(presented.secret ?? '', client.secret)) {
      throw fail('Client authentication failed: wrong client secret.');
    }
  }
  return { client, method: presented.method };
}

function presentedCredentials(request: Request, form: Map<string, string>, challenge: Record<string, string>): Presented {
  const authorization = request.headers.get('authorization');
  const bodyId = form.get('client_id');
  const bodySecret = form.get('client_secret');
  if (authorization !== null) {
    const basic = parseBasic(authorization, challenge);
    if (bodySecret !== undefined)
      throw invalidRequest('Use one client authentication method: Basic or client_secret in the body, not both (RFC 6749 §2.3).');
    // A client_id in the body alongside Basic is tolerated only when it names the same client.
    if (bodyId !== undefined && bodyId !== basic.clientId)
      throw invalidRequest('The client_id in the body differs from the one in the Authorization header.');
    return basic;
  }
  if (bodyId === undefined || bodyId === '') {
    throw new OAuthError('invalid_client', 'Client authentication failed: no client_id and no Authorization header (RFC 6749 §2.3).', 401);
  }
  if (bodySecret !== undefined) return { method: 'client_secret_post', clientId: bodyId, secret: bodySecret };
  return { method: 'none', clientId: bodyId };
}

/** RFC 7617 Basic with RFC 6749 §2.3.1's twist: id and secret are form-urlencoded before base64. */
function parseBasic(header: string, challenge: Record<string, string>): Presented {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header);
  if (!match) {
    throw new OAuthError(
      'invalid_client',
      'The Authorization header must be "Basic base64(client_id:client_secret)" (RFC 6749 §2.3.1).',
      401,
      challenge,
    );
  }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError('invalid_client', 'The Basic credentials have no ":" between client_id and secret.', 401, challenge);
  try {
    return {
      method: 'client_secret_basic',
      clientId: formDecode(decoded.slice(0, colon)),
      secret: formDecode(decoded.slice(colon + 1)),
    };
  } catch {
    throw new OAuthError('invalid_client', 'The Basic credentials are not valid form-urlencoded text (RFC 6749 §2.3.1).', 401, challenge);
  }
}

function formDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

/** Constant-time comparison: equal-length SHA-256 digests, so neither content nor length leaks. */
export function secretsMatch(presented: string, expected: string): boolean {
  return timingSafeEqual(sha256(presented), expectedDigest(expected));
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The digests of the clients' own secrets, made once each (a handful per realm); bounded, should configs hold many. */
const expectedDigests = new Map<string, Buffer>();
const MAX_EXPECTED_DIGESTS = 256;

function expectedDigest(secret: string): Buffer {
  let digest = expectedDigests.get(secret);
  if (!digest) {
    if (expectedDigests.size >= MAX_EXPECTED_DIGESTS) expectedDigests.clear();
    expectedDigests.set(secret, (digest = sha256(secret)));
  }
  return digest;
}
