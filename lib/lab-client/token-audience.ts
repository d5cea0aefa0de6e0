import type { JSONWebKeySet } from 'jose';
import type { Check } from '../oauth-client/checklist';
import { validateIdToken } from '../oauth-client/id-token';
import { base64urlDecode } from '../oauth-client/verify-signature';

/** What the legacy implicit app's page hands its backend from the callback URL's fragment. */
export interface HandedTokens {
  accessToken: string;
  idToken?: string;
}

/** What the backend knows of itself and of its AS when it checks them. */
export interface LoginExpectations {
  clientId: string;
  issuer: string;
  jwks: JSONWebKeySet;
  /** Seconds since the epoch. */
  now: number;
}

/** The checks run, and the user they vouch for when every one passed (undefined: the check names nobody). */
export interface AudienceVerdict {
  checks: Check[];
  sub?: string;
}

/** The strategy at `client.token-audience`: may the backend sign someone in with these tokens? */
export type TokenAudienceCheck = (handed: HandedTokens, expect: LoginExpectations) => Promise<AudienceVerdict>;

/**
 * Hardened: an access token says nothing to the client about whom it was issued to (RFC 6749 §10.16;
 * the client must not read it either, RFC 9068 §6), so the backend signs a user in only with an ID
 * token issued to this very client (`aud`, `azp`: OIDC Core §3.1.3.7), bound to the access token it
 * came with (`at_hash`, required beside an access token from the authorization endpoint: OIDC Core
 * §3.2.2.10). The page compares `nonce` and `state` in the browser (§3.2.2.11); what the backend checks
 * here is what ties the tokens to this client. A token Alice granted to another app fails `aud`.
 */
export const requireIdTokenForThisClient: TokenAudienceCheck = async (handed, expect) => {
  if (!handed.idToken) {
    return {
      checks: [
        {
          name: 'an ID token issued to this client came with the access token',
          passed: false,
          detail: 'only an access token: nothing says which client it was issued to, so it cannot sign anyone in here (RFC 6749 §10.16)',
          spec: 'OIDC Core §3.2.2.11',
        },
      ],
    };
  }
  const checks = await validateIdToken(handed.idToken, { ...expect, accessToken: handed.accessToken });
  const payload = decodePayload(handed.idToken);
  const hash = payload?.at_hash;
  checks.push({
    name: 'at_hash is present (an access token came from the authorization endpoint)',
    passed: typeof hash === 'string' && hash !== '',
    detail: typeof hash === 'string' ? `at_hash = ${hash}` : 'at_hash absent: nothing binds this ID token to the access token',
    spec: 'OIDC Core §3.2.2.10',
  });
  const ok = checks.every((c) => c.passed) && typeof payload?.sub === 'string';
  return ok ? { checks, sub: payload!.sub as string } : { checks };
};

/** Weakened (`client-accepts-any-token`): no check at all; whoever the token speaks for is signed in. */
export const acceptAnyToken: TokenAudienceCheck = async () => ({
  checks: [
    {
      name: 'the token was issued to this client',
      passed: true,
      outcome: 'skipped',
      detail: 'not checked: the backend signs in whoever the resource server says the access token belongs to',
      spec: 'RFC 6749 §10.16',
    },
  ],
});

function decodePayload(jws: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(base64urlDecode(jws.split('.')[1] ?? '')));
    return json && typeof json === 'object' ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
