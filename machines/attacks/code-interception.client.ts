import { buildAuthorizationUrl } from '@/lib/oauth-client/authorization-request';
import { makeCodeVerifier, makeRandomValue, s256ChallengeSteps } from '@/lib/oauth-client/pkce';
import { hasWeakness, type RealmDescriptor } from '@/lib/realms/descriptor';
import { ok } from '@/lib/oauth-client/result';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { CraftedLink } from './redirect-uri.mallory';
import type { StepOutput } from '../step-output';

/**
 * Alice's client in the code-interception attack (RFC 7636 §1): the public photo gallery `spa`
 * with its registered redirect URI `{origin}/flows/callback`, and what Mallory's app makes of the
 * authorization response it receives in its place.
 */

export const INTERCEPTION_VARIANTS = {
  'no-pkce': { label: 'No PKCE (a client that skips it)' },
  downgrade: { label: 'PKCE downgrade (challenge stripped)' },
} as const;
export type InterceptionVariant = keyof typeof INTERCEPTION_VARIANTS;
export const isInterceptionVariant = (v: string | undefined): v is InterceptionVariant =>
  v !== undefined && Object.hasOwn(INTERCEPTION_VARIANTS, v);

export const CLIENT_ID = 'spa';
const SCOPE = 'photos:read';

/** The client's authorization request, as Alice's browser will send it, and what the client keeps. */
export interface ClientRequest {
  /** What the client built. */
  built: string;
  /** What Alice's browser opens (the downgrade: Mallory removed the challenge on the way). */
  authUrl: string;
  redirectUri: string;
  state: string;
  /** The verifier the client keeps to itself; undefined when it sent no challenge. */
  verifier?: string;
  sentChallenge: boolean;
  stripped: boolean;
}

/**
 * The client sends a code_challenge unless the realm makes PKCE optional (`as-pkce-optional`): the
 * lab's stand-in for a client that leaves PKCE out wherever the AS lets it. In the downgrade it
 * always sends one, and Mallory strips it from the URL before the browser opens it (RFC 9700 §4.8.1).
 */
export async function buildClientRequest(
  step: string,
  origin: string,
  realm: RealmDescriptor,
  metadata: ServerMetadata,
  variant: InterceptionVariant,
): Promise<StepOutput<ClientRequest>> {
  const redirectUri = `${origin}/flows/callback`;
  const state = makeRandomValue();
  const pair = await s256ChallengeSteps(makeCodeVerifier());
  const sentChallenge = variant === 'downgrade' || !hasWeakness(realm, 'as-pkce-optional');
  const built = new URL(
    buildAuthorizationUrl(metadata.authorization_endpoint, {
      clientId: CLIENT_ID,
      redirectUri,
      scope: SCOPE,
      state,
      codeChallenge: pair.challenge,
    }).url,
  );
  if (!sentChallenge) withoutChallenge(built);
  const stripped = variant === 'downgrade';
  const opened = new URL(built);
  if (stripped) withoutChallenge(opened);
  const facts = [
    { label: 'redirect_uri (registered, exact)', value: redirectUri },
    {
      label: 'code_challenge sent by the client',
      value: sentChallenge ? pair.challenge : 'none: PKCE is optional at this AS, and this client leaves it out',
    },
    ...(stripped
      ? [
          {
            label: 'code_challenge in the URL Alice’s browser opens',
            value: 'none: Mallory removed code_challenge and code_challenge_method',
          },
        ]
      : []),
  ];
  return {
    step,
    exchanges: [],
    facts,
    result: ok({
      built: built.href,
      authUrl: opened.href,
      redirectUri,
      state,
      sentChallenge,
      stripped,
      ...(sentChallenge ? { verifier: pair.verifier } : {}),
    }),
  };
}

function withoutChallenge(url: URL) {
  url.searchParams.delete('code_challenge');
  url.searchParams.delete('code_challenge_method');
}

export type Intercepted = { code: string; state?: string } | { error: string; description?: string };

/** The authorization response (RFC 6749 §4.1.2 / §4.1.2.1) that the OS handed Mallory's app instead of Alice's. */
export function readInterceptedResponse(url: string): Intercepted {
  let params: URLSearchParams;
  try {
    params = new URL(url.slice(0, 16_384)).searchParams;
  } catch {
    return { error: 'malformed_redirect', description: 'the redirect URL could not be read' };
  }
  const code = params.get('code');
  if (code) return { code, state: params.get('state') ?? undefined };
  return { error: params.get('error') ?? 'no_code', description: params.get('error_description') ?? undefined };
}

/**
 * What Mallory sends at the token endpoint (the redirect-URI attack's redemption, redirect-uri.mallory.ts):
 * the registered redirect_uri, and in the downgrade a code_verifier of her own, as a PKCE client sends one.
 */
export function mallorysRedemption(request: ClientRequest, variant: InterceptionVariant): CraftedLink {
  return {
    url: request.authUrl,
    redirectUri: request.redirectUri,
    state: request.state,
    challenge: '',
    challengeBy: 'client',
    ...(variant === 'downgrade' ? { verifier: makeCodeVerifier() } : {}),
  };
}
