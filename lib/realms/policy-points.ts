import type { JWSHeaderParameters } from 'jose';
import { requireIdTokenForThisClient, type TokenAudienceCheck } from '../lab-client/token-audience';
import type { CheckOutcome } from '../resource-server/check-report';
import type { Store } from '../store/types';
import type { RealmKeys, SigningKey, HmacKey } from './keys';

/**
 * The named points where a realm's servers decide something security relevant. Each point holds a
 * strategy — a function or a small value the handler uses as it is — and `demo` holds the hardened
 * one of every point ({@link HARDENED_POINTS}). A lab realm's weaknesses replace strategies at their
 * points (`weaknesses/*.ts`); handlers call the point and never ask which weakness is on.
 */

/** A key a resource server decided to verify a token with, and whether that choice was a weakened one. */
export interface ResolvedKey {
  alg: string;
  /** An asymmetric public key, or the bytes of an HMAC secret (possibly empty: the `kid` traversal). */
  key: CryptoKey | Uint8Array;
  outcome: Extract<CheckOutcome, 'pass' | 'weakened'>;
  /** For the learner: where the key came from. */
  source: string;
}

/** What a key resolver may look at: the realm's own keys and, for `jku`, the realm's attacker JWKS. */
export interface KeyContext {
  keys: RealmKeys;
  origin: string;
  realmId: string;
  store: Store;
}

/** A resolver that does not apply answers undefined; one that refuses throws. */
export type KeyResolver = (header: JWSHeaderParameters, ctx: KeyContext) => Promise<ResolvedKey | undefined>;

export interface PolicyPoints {
  /** RFC 9700 §4.1.3: does a presented redirect_uri match this registered one? */
  'as.redirect-uri': (registered: string, presented: string) => boolean;
  /** RFC 9700 §2.1.1, §4.8.2: a request without a code_challenge. Returns why it is refused, or null. */
  'as.pkce-required': { atAuthorize(): string | null; atToken(verifierSent: boolean): string | null };
  /** RFC 7636 §4.2, RFC 9700 §2.1.1: which code_challenge_method values are accepted. */
  'as.pkce-methods': readonly ('S256' | 'plain')[];
  /** RFC 6749 §4.1.2: how the token endpoint takes a code out of the store (one-time = consume). */
  'as.code-use': { take<T>(store: Store, key: string): Promise<T | undefined>; oneTime: boolean };
  /** RFC 9700 §4.14.2: refresh tokens rotate, and a spent one revokes its family. */
  'as.refresh-token-use': { rotates: boolean };
  /** RFC 9700 §2.1.2: response types the authorization endpoint accepts. */
  'as.response-types': readonly string[];
  /** RFC 9700 §2.4: whether the token endpoint runs the password grant. */
  'as.password-grant': { enabled: boolean };
  /** RFC 9700 §4.16: the `frame-ancestors` of the AS's pages (undefined = may be framed anywhere). */
  'as.page-framing': { frameAncestors?: string; xFrameOptions?: string };
  /** RFC 9207 §2: whether the authorization response carries `iss`. */
  'as.authorization-response-iss': { send: boolean };
  /** RFC 9068 §2.1, RFC 8725 §3.5: the key access tokens are signed with. */
  'as.access-token-key': (keys: RealmKeys) => SigningKey | HmacKey;
  /** RFC 8725 §3.1: is the header's `alg` acceptable? `allowed` is the realm's allow-list. */
  'rs.algorithm': (alg: unknown, allowed: readonly string[]) => CheckOutcome;
  /** RFC 8725 §3.10, RFC 7515 §4.1.3: a key carried in the token's own `jwk` header. */
  'rs.key-from-jwk': KeyResolver;
  /** RFC 8725 §3.10, RFC 7515 §4.1.2: a key set fetched from the token's `jku`. */
  'rs.key-from-jku': KeyResolver;
  /** RFC 8725 §3.10: a `kid` used as a file path. */
  'rs.key-from-kid-path': KeyResolver;
  /** RFC 8725 §2.1: an HS* token verified with the realm's RSA public key as the HMAC secret. */
  'rs.hmac-with-public-key': KeyResolver;
  /** RFC 7515 §5.2: whether the signature is verified at all. */
  'rs.signature': (verify: () => Promise<boolean>) => Promise<CheckOutcome>;
  /** RFC 7519 §4.1.4: `exp`, with a clock tolerance. */
  'rs.expiry': (exp: unknown, now: number, tolerance: number) => CheckOutcome;
  /** RFC 9068 §4, RFC 8725 §3.9: `aud` names this resource server. */
  'rs.audience': (aud: unknown, resource: string) => CheckOutcome;
  /** RFC 7009 §2 / RFC 7662: whether the RS asks the AS's state if the token is still live. */
  'rs.revocation': (isLive: () => Promise<boolean>) => Promise<CheckOutcome>;
  /** RFC 6749 §10.12: the client compares `state` on the callback (applied by the flow machines). */
  'client.state-check': { enforced: boolean };
  /**
   * RFC 9700 §4.11.1: where the client's callback page sends the browser on when a `next` parameter
   * names a page (the resolved URL), or undefined for no redirect. Hardened: no redirector at all.
   */
  'client.callback-redirect': (next: string, origin: string) => string | undefined;
  /**
   * RFC 6749 §10.16, RFC 9700 §4.6: before the legacy implicit app's backend signs someone in with a
   * token its page took from the callback URL, it checks the token was issued to this client
   * (lib/lab-client/implicit-login.ts). Hardened: only with an ID token whose `aud` is this client.
   */
  'client.token-audience': TokenAudienceCheck;
}

export type PointName = keyof PolicyPoints;

const notApplicable: KeyResolver = async () => undefined;

/** OAuth 2.1, RFC 9700 and RFC 8725 practice at every point: what `demo` and a hardened lab realm use. */
export const HARDENED_POINTS: Readonly<PolicyPoints> = Object.freeze({
  'as.redirect-uri': (registered, presented) => registered === presented,
  'as.pkce-required': {
    atAuthorize: () => 'PKCE is required: send code_challenge with code_challenge_method=S256 (RFC 9700 §2.1.1).',
    atToken: (verifierSent) =>
      verifierSent
        ? 'A code_verifier was sent but the authorization request had no code_challenge (RFC 9700 §4.8.2).'
        : 'This code was issued without PKCE, which this realm requires (RFC 9700 §2.1.1).',
  },
  'as.pkce-methods': ['S256'],
  'as.code-use': { take: (store, key) => store.consume(key), oneTime: true },
  'as.refresh-token-use': { rotates: true },
  'as.response-types': ['code'],
  'as.password-grant': { enabled: false },
  'as.page-framing': { frameAncestors: "'none'", xFrameOptions: 'DENY' },
  'as.authorization-response-iss': { send: true },
  'as.access-token-key': (keys) => keys.default,
  'rs.algorithm': (alg, allowed) => (typeof alg === 'string' && allowed.includes(alg) ? 'pass' : 'fail'),
  'rs.key-from-jwk': notApplicable,
  'rs.key-from-jku': notApplicable,
  'rs.key-from-kid-path': notApplicable,
  'rs.hmac-with-public-key': notApplicable,
  'rs.signature': async (verify) => ((await verify()) ? 'pass' : 'fail'),
  'rs.expiry': (exp, now, tolerance) => (typeof exp === 'number' && Number.isFinite(exp) && now < exp + tolerance ? 'pass' : 'fail'),
  'rs.audience': (aud, resource) => ((Array.isArray(aud) ? aud.includes(resource) : aud === resource) ? 'pass' : 'fail'),
  'rs.revocation': async (isLive) => ((await isLive()) ? 'pass' : 'fail'),
  'client.state-check': { enforced: true },
  'client.callback-redirect': () => undefined,
  'client.token-audience': requireIdTokenForThisClient,
} satisfies PolicyPoints);
