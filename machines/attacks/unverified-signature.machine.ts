import { patched, readToken, withSignatureOf } from '@/lib/attack-lab/forge';
import { ok } from '@/lib/oauth-client/result';
import { UNVERIFIED_SIGNATURE_STEPS } from './unverified-signature.steps';
import { forgeFailed, VICTIM, VICTIM_NAME } from './mallory';
import { tokenForgeryMachine, type Forger } from './token-forgery';

/** RFC 7515 §5.2: an edited payload with the original signature kept; it no longer verifies. */
export const forgeUnverifiedSignature: Forger = async ({ step, own }) => {
  const original = own.tokens.access_token;
  const read = readToken(original);
  if (!read.ok) return forgeFailed(step, read.message);
  const token = withSignatureOf({ header: read.value.header, payload: patched(read.value.payload, { sub: VICTIM }) }, original);
  const facts = [
    { label: 'Header', value: 'unchanged (alg and kid of the AS’s key)' },
    { label: 'Claim sub', value: `${String(read.value.payload.sub)} → ${VICTIM}` },
    { label: 'Signature', value: 'kept from her real token: it was computed over the old payload' },
  ];
  return {
    step,
    exchanges: [],
    facts,
    result: ok({ token, victim: VICTIM, victimName: VICTIM_NAME, sent: 'the edited token with its old signature' }),
  };
};

export const unverifiedSignatureMachine = tokenForgeryMachine('unverifiedSignature', UNVERIFIED_SIGNATURE_STEPS, forgeUnverifiedSignature);
