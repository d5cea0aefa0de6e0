import type { JWK } from 'jose';

import { jsonResponse, requireMethod } from './http';
import type { Realm } from '../realms/types';

/** RFC 7517 §4 / RFC 7518 §6.2.1, §6.3.1: the members a public EC or RSA key may carry. */
const PUBLIC_MEMBERS = ['kty', 'kid', 'use', 'alg', 'crv', 'x', 'y', 'n', 'e'] as const;

/** Copies only public members, so a private key can never leak into the set even by mistake. */
export function publicOnly(jwk: JWK): JWK {
  const out: JWK = {};
  for (const name of PUBLIC_MEMBERS) if (jwk[name] !== undefined) out[name] = jwk[name];
  return out;
}

/** The realm's JWK Set (RFC 7517 §5): ES256 (default) and RS256 keys, `kid` = RFC 7638 thumbprint. */
export function realmJwks(realm: Realm): { keys: JWK[] } {
  return { keys: realm.keys.all.map((k) => publicOnly(k.publicJwk)) };
}

/** `GET {issuer}/jwks`. */
export async function jwksEndpoint(request: Request, realm: Realm): Promise<Response> {
  requireMethod(request, ['GET']);
  return jsonResponse(realmJwks(realm));
}
