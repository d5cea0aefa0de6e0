import { createHash } from 'node:crypto';
import { base64url, calculateJwkThumbprint, compactVerify, importJWK, type JWK } from 'jose';
import { OAuthError } from '../oauth-server/errors';
import type { Clock, Store } from '../store/types';

/**
 * RFC 9449 §4.2, §4.3 point 5: asymmetric JWS algorithms only — never `none` nor a MAC (HS*). The
 * same list is `dpop_signing_alg_values_supported` in discovery (§5.1) and `algs` in the RS's
 * `DPoP` challenge (§7.1).
 */
export const DPOP_SIGNING_ALGS: readonly string[] = ['ES256', 'ES384', 'PS256', 'RS256', 'EdDSA'];
/** §4.3 point 11, §11.1: how far `iat` may be from the server's clock, either way. */
export const PROOF_WINDOW_SECONDS = 60;
/** An RSA-4096 proof is ~2.2 KB; anything past this is refused before parsing. */
export const MAX_PROOF_LENGTH = 4096;
const MAX_JTI_LENGTH = 256;

/** Why a proof was refused: a stable code for tests and the UI, beside the human text. */
export type DPoPProofReason =
  'header' | 'format' | 'typ' | 'alg' | 'jwk' | 'claims' | 'htm' | 'htu' | 'iat' | 'ath' | 'signature' | 'key-binding' | 'replay';

/**
 * `invalid_dpop_proof` (RFC 9449 §5 at the token endpoint, §7.1 at a protected resource). Its
 * status is the token endpoint's (400, RFC 6749 §5.2); the RS re-issues it as a 401 challenge.
 */
export class DPoPProofError extends OAuthError {
  readonly reason: DPoPProofReason;
  constructor(reason: DPoPProofReason, description: string) {
    super('invalid_dpop_proof', description, 400);
    this.name = 'DPoPProofError';
    this.reason = reason;
  }
}

/** What the verifier needs of a realm: its clock and (for seen `jti`s) its own store. */
export interface ProofContext {
  store: Store;
  clock: Clock;
}

export interface ProofExpectation {
  /** The request's method (§4.3 point 8). */
  method: string;
  /** The request's target URI as the client addressed it: the realm's origin + the path (§4.3 point 9). */
  url: string;
  /** At a protected resource: the access token the proof must hash into `ath` (§4.2, §4.3 point 12). */
  accessToken?: string;
  /** At a protected resource: the token's `cnf.jkt`, which the proof's key must match (§4.3 point 12, §6.1). */
  jkt?: string;
}

export interface VerifiedProof {
  /** RFC 7638 SHA-256 thumbprint of the proof's public key (RFC 9449 §6.1). */
  jkt: string;
  jti: string;
  iat: number;
  alg: string;
}

const fail = (reason: DPoPProofReason, description: string) => new DPoPProofError(reason, description);

/**
 * The request's one `DPoP` header, or undefined when there is none. §4.3 point 1: "not more than
 * one DPoP HTTP request header field". Fetch joins repeated fields with ", " and a compact JWS
 * never contains a comma, so a comma means two headers (or a value that is no JWT at all).
 */
export function readProofHeader(headers: Headers): string | undefined {
  const value = headers.get('dpop');
  if (value === null) return undefined;
  if (value.includes(',')) throw fail('header', 'The request carries more than one DPoP header (RFC 9449 §4.3 point 1).');
  return value;
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const KTY_OF: Record<string, string> = { ES256: 'EC', ES384: 'EC', PS256: 'RSA', RS256: 'RSA', EdDSA: 'OKP' };

/**
 * The one DPoP proof verifier (RFC 9449 §4.3), used by the token endpoint and the resource server.
 * Runs every check of §4.3 in turn and throws a {@link DPoPProofError} naming the first that fails:
 *
 *   length → one well-formed JWT (point 2) → typ `dpop+jwt` (4) → alg on the allow-list (5) →
 *   `jwk` a public key of that alg's type (7) → required claims (3, §4.2) → htm (8) → htu (9) →
 *   iat within ±{@link PROOF_WINDOW_SECONDS} s (11) → ath (12) → signature with that jwk (6) →
 *   the jwk's thumbprint is the token's `cnf.jkt` (12) → `jti` not seen before (§11.1).
 *
 * The cheap comparisons run before the signature, so a forged proof costs no public-key operation;
 * the `jti` is recorded last, only for a proof that passed everything else, in the realm's store
 * for as long as its `iat` could still be accepted.
 *
 * Does NOT implement server nonces (§8, §9): they are optional, this server never sends
 * `DPoP-Nonce`, and a `nonce` claim in a proof is ignored. Point 1 (one header) is
 * {@link readProofHeader}'s job.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3
 */
export async function verifyProof(proof: string, ctx: ProofContext, expect: ProofExpectation): Promise<VerifiedProof> {
  if (proof.length > MAX_PROOF_LENGTH) throw fail('header', `The DPoP proof is longer than ${MAX_PROOF_LENGTH} characters.`);
  const parts = proof.split('.');
  const header = parts.length === 3 ? decodePart(parts[0]) : undefined;
  const payload = parts.length === 3 ? decodePart(parts[1]) : undefined;
  // An empty signature part is left to the alg check (an unsecured JWS says alg: none).
  if (!header || !payload || !/^[A-Za-z0-9_-]*$/.test(parts[2]))
    throw fail('format', 'The DPoP header is not a single well-formed signed JWT (RFC 9449 §4.3 point 2).');

  // RFC 7515 §4.1.9: typ is a media type (case-insensitive, "application/" may be omitted).
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : undefined;
  if (typ !== 'dpop+jwt' && typ !== 'application/dpop+jwt')
    throw fail('typ', 'The DPoP proof header typ must be dpop+jwt (RFC 9449 §4.2, §4.3 point 4).');

  const alg = header.alg;
  if (typeof alg !== 'string' || !DPOP_SIGNING_ALGS.includes(alg)) {
    const why =
      typeof alg === 'string' && (alg.toLowerCase() === 'none' || /^HS/i.test(alg))
        ? 'is not an asymmetric signature algorithm'
        : 'is not supported';
    throw fail('alg', `The DPoP proof alg ${why}; use one of ${DPOP_SIGNING_ALGS.join(', ')} (RFC 9449 §4.3 point 5).`);
  }

  const jwk = header.jwk;
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk))
    throw fail('jwk', 'The DPoP proof header must carry the public key as a jwk object (RFC 9449 §4.2).');
  const key = jwk as Record<string, unknown>;
  if (PRIVATE_MEMBERS.some((m) => m in key))
    throw fail('jwk', 'The DPoP proof jwk must not contain a private or symmetric key (RFC 9449 §4.3 point 7).');
  if (key.kty !== KTY_OF[alg])
    throw fail('jwk', `The DPoP proof jwk is not a ${KTY_OF[alg]} key, as ${alg} needs (RFC 9449 §4.3 point 6).`);

  const { jti, htm, htu, iat, ath } = payload;
  if (
    typeof jti !== 'string' ||
    jti.length === 0 ||
    jti.length > MAX_JTI_LENGTH ||
    typeof htm !== 'string' ||
    typeof htu !== 'string' ||
    typeof iat !== 'number' ||
    !Number.isFinite(iat)
  ) {
    throw fail('claims', 'The DPoP proof must carry jti, htm, htu and iat (RFC 9449 §4.2, §4.3 point 3).');
  }
  // RFC 9110 §9.1: methods are case-sensitive.
  if (htm !== expect.method)
    throw fail('htm', `The DPoP proof htm must be ${expect.method}, the method of this request (RFC 9449 §4.3 point 8).`);
  const presented = targetUri(htu);
  if (presented === undefined || presented !== targetUri(expect.url)) {
    throw fail(
      'htu',
      `The DPoP proof htu must be ${expect.url}, the URI of this request without query and fragment (RFC 9449 §4.3 point 9).`,
    );
  }
  const now = ctx.clock.nowSeconds();
  if (Math.abs(iat - now) > PROOF_WINDOW_SECONDS)
    throw fail(
      'iat',
      `The DPoP proof iat is more than ${PROOF_WINDOW_SECONDS} s from this server's clock (RFC 9449 §4.3 point 11, §11.1).`,
    );
  if (expect.accessToken !== undefined) {
    if (typeof ath !== 'string')
      throw fail('ath', 'The DPoP proof for a protected resource must carry ath, the hash of the access token (RFC 9449 §4.2).');
    if (ath !== accessTokenHash(expect.accessToken))
      throw fail('ath', 'The DPoP proof ath is not the hash of this access token (RFC 9449 §4.3 point 12).');
  }

  let publicKey: Awaited<ReturnType<typeof importJWK>>;
  try {
    publicKey = await importJWK(jwk as JWK, alg);
  } catch {
    throw fail('jwk', `The DPoP proof jwk is not a usable ${alg} public key (RFC 9449 §4.3 point 6).`);
  }
  try {
    await compactVerify(proof, publicKey, { algorithms: [alg] });
  } catch {
    throw fail('signature', 'The DPoP proof signature does not verify with its own jwk (RFC 9449 §4.3 point 6).');
  }

  const jkt = await calculateJwkThumbprint(jwk as JWK, 'sha256');
  if (expect.jkt !== undefined && jkt !== expect.jkt) {
    throw fail(
      'key-binding',
      'The DPoP proof is signed with another key than the one this access token is bound to (RFC 9449 §4.3 point 12, §6.1).',
    );
  }
  // §11.1: a proof is good once. Kept past the last second its iat is acceptable (iat may be up to
  // the window ahead of the clock, so that is 2 × the window from now).
  const fresh = await ctx.store.setIfAbsent(jtiKey(jti), 1, 2 * PROOF_WINDOW_SECONDS + 1);
  if (!fresh) throw fail('replay', 'This DPoP proof was already used: every request needs a fresh proof with a new jti (RFC 9449 §11.1).');
  return { jkt, jti, iat, alg };
}

/** RFC 9449 §4.2 `ath`: base64url of the SHA-256 of the access token's ASCII octets. */
export function accessTokenHash(accessToken: string): string {
  return base64url.encode(createHash('sha256').update(accessToken, 'ascii').digest());
}

/** Hashed, so a 256-character jti costs a fixed-size key. */
function jtiKey(jti: string): string {
  return `dpop-jti:${base64url.encode(createHash('sha256').update(jti, 'utf8').digest())}`;
}

/**
 * §4.3 point 9: compare htu "ignoring any query and fragment parts", after RFC 3986 §6.2.2
 * syntax-based and §6.2.3 scheme-based normalisation. WHATWG URL parsing does the scheme and host
 * case, default port, empty path and dot segments; percent-encodings are normalised here (§6.2.2.1
 * upper-case hex, §6.2.2.2 unreserved characters decoded). Only absolute http(s) URIs without
 * userinfo are target URIs (RFC 9110 §4.2.4).
 */
export function targetUri(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') return undefined;
  const path = url.pathname.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
  return `${url.origin}${path}`;
}

function decodePart(part: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(part)));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
