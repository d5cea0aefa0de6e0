import { attackerUrl, readAttackerLog } from '@/lib/attack-lab/attacker-log';
import {
  describeFraming,
  framingAllowed,
  framingHeaders,
  readFrameCheck,
  type FrameCheckReport,
  type FramingHeaders,
} from '@/lib/attack-lab/framing';
import { findStolenCode, type StolenCode } from '@/lib/attack-lab/stolen-code';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { recordFetch } from '@/lib/http-trace/record';
import { buildAuthorizationUrl } from '@/lib/oauth-client/authorization-request';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { makeCodeVerifier, makeRandomValue, s256ChallengeSteps } from '@/lib/oauth-client/pkce';
import { ok } from '@/lib/oauth-client/result';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { networkFailure, type StepOutput } from '../step-output';
import { LINK_SCOPE, VICTIM_CLIENT, type CraftedLink } from './redirect-uri.mallory';

/**
 * Mallory's side of clickjacking the consent page (RFC 9700 §4.16): her own authorization request,
 * the page that frames it under a decoy, the AS's framing headers, and what her page saw and caught.
 * The code is redeemed with redirect-uri.mallory.ts's `redeemCode` (same client, same shape of link).
 */

/** Her authorization request (she made the PKCE pair, so she holds the verifier) and the lure page that frames it. */
export interface Lure extends CraftedLink {
  /** `/attacker/{realm}/clickjack?…`: Alice's browser opens this (the player reads `authUrl`). */
  lureUrl: string;
}

export async function craftLure(step: string, origin: string, realm: RealmDescriptor, metadata: ServerMetadata): Promise<StepOutput<Lure>> {
  const redirectUri = `${origin}/flows/callback`;
  const pair = await s256ChallengeSteps(makeCodeVerifier());
  const state = makeRandomValue();
  const built = buildAuthorizationUrl(metadata.authorization_endpoint, {
    clientId: VICTIM_CLIENT,
    redirectUri,
    scope: LINK_SCOPE,
    state,
    codeChallenge: pair.challenge,
  });
  const lureUrl = `${origin}${attackerUrl(realm, 'clickjack')}${new URL(built.url).search}`;
  return {
    step,
    exchanges: [],
    facts: [
      { label: 'her page (the lure)', value: lureUrl },
      { label: 'framed inside it', value: built.url },
      { label: 'code_challenge made by', value: 'Mallory (she keeps the code_verifier)' },
    ],
    result: ok({ url: built.url, lureUrl, redirectUri, state, challenge: pair.challenge, challengeBy: 'mallory', verifier: pair.verifier }),
  };
}

/** She asks for the page she will frame and reads the two headers that decide whether a browser renders it in a frame. */
export async function checkFraming(step: string, link: Lure): Promise<StepOutput<FramingHeaders>> {
  try {
    const { exchange, response } = await recordFetch(new Request(link.url, { headers: { accept: 'text/html' }, redirect: 'manual' }), {
      step,
      from: 'attacker',
      to: 'as',
    });
    const h = framingHeaders(response.headers);
    const origin = new URL(link.url).origin;
    const facts = [
      { label: 'frame-ancestors (CSP)', value: h.frameAncestors ?? '(none)' },
      { label: 'X-Frame-Options', value: h.xFrameOptions ?? '(none)' },
      {
        label: 'may her page frame it?',
        value: framingAllowed(h, origin, origin)
          ? 'yes: the browser will render it in her frame'
          : 'no: the browser will refuse to render it in a frame',
      },
    ];
    return { step, exchanges: [exchange], facts, result: ok(h) };
  } catch (e) {
    return networkFailure(step, e);
  }
}

export type Caught = { stolen: StolenCode; frame?: FrameCheckReport } | { outcome: Outcome; frame?: FrameCheckReport };

/** Mallory reads what her page saw of its frame, and her log for a code with her request's state. */
export async function collectFramedCode(
  step: string,
  realm: RealmDescriptor,
  link: Lure,
  headers: FramingHeaders,
): Promise<StepOutput<Caught>> {
  try {
    const origin = new URL(realm.issuer).origin;
    const abs: typeof fetch = (url, init) => fetch(new URL(String(url), origin), init);
    const [frame, records] = await Promise.all([readFrameCheck(realm, abs), readAttackerLog(realm, abs)]);
    const stolen = findStolenCode(records, link.state);
    const facts = [
      {
        label: 'her page saw its frame',
        value:
          frame === undefined
            ? 'no report (the page was not opened)'
            : frame.framed
              ? 'rendered (its document was readable)'
              : 'refused by the browser (an opaque error document)',
      },
      { label: 'consent page shown in the frame', value: frame?.consentShown ? 'yes' : 'no' },
      { label: 'code with her state', value: stolen ? stolen.code : 'none' },
    ];
    if (stolen) return { step, exchanges: [], facts, result: ok({ stolen, frame }) };
    return { step, exchanges: [], facts, result: ok({ outcome: { succeeded: false, what: missedWhat(headers, frame) }, frame }) };
  } catch (e) {
    return networkFailure(step, e);
  }
}

function missedWhat(headers: FramingHeaders, frame: FrameCheckReport | undefined): string {
  const sent = `the authorization server’s pages carry ${describeFraming(headers)}`;
  if (frame && !frame.framed && !frame.consentShown) {
    return `${sent}, so the browser refused to render the consent page inside Mallory’s frame (her page found an opaque, blocked frame). Alice’s click on the decoy pressed nothing, and no code was issued.`;
  }
  if (frame === undefined) return `${sent}, and Mallory’s page never reported its frame: it was not opened. Press Reset to try again.`;
  return `${sent}. The page rendered inside Mallory’s frame${frame.consentShown ? ', consent page included,' : ''} but no code reached her: Allow was not pressed. Press Reset to try again.`;
}

/** The framing half of the success sentence: what let Alice's click through. */
export function framedWhat(headers: FramingHeaders): string {
  return `The authorization server’s consent page carries ${describeFraming(headers)}, so it rendered inside Mallory’s frame and Alice’s click on the decoy pressed its Allow button;`;
}
