import { createHmac, timingSafeEqual } from 'node:crypto';
import { base64url, compactVerify, type JWSHeaderParameters, type JWTPayload } from 'jose';
import { spellsNone } from '../jwt/algorithms';
import { verifyOwnSignature } from '../realms/node-signing';
import { OAuthError } from '../oauth-server/errors';
import { isGrantRevoked, readWithRevocation } from '../oauth-server/issue/grant-state';
import { storeKeys, type OpaqueAccessTokenRecord } from '../oauth-server/records';
import type { KeyContext, PolicyPoints, ResolvedKey } from '../realms/policy-points';
import type { Realm } from '../realms/types';
import { CHECK_REPORT_HEADER, formatCheckReport, type CheckEntry, type CheckName, type CheckOutcome } from './check-report';
import { bearerError } from './rs-errors';
import { VerifiedTokenCache } from './verified-token-cache';

/** Seconds of clock skew tolerated on `exp`/`nbf` (RFC 9068 §4 lets the RS choose). */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** Our tokens are ~1 KB; anything past this is refused before parsing. */
export const MAX_TOKEN_LENGTH = 8 * 1024;

/** What the resource server knows about a caller once its token checked out. */
export interface VerifiedAccessToken {
  sub: string;
  clientId: string;
  scope: string[];
  jti: string;
  exp: number;
  iat?: number;
  authTime?: number;
  /** RFC 9449 §6: the JWK SHA-256 thumbprint of the DPoP key the token is bound to (`cnf.jkt`). */
  jkt?: string;
  iss: string;
  aud: string | string[];
  /** `opaque` for an opaque token checked against the AS's records. */
  kid: string;
  alg: string;
  /** What the RS checked, in order, for the `Flowlab-Checks` header. */
  report: CheckEntry[];
}

/** Why a token was refused: a stable code for tests and the UI, beside the human text. */
export type InvalidTokenReason =
  'malformed' | 'algorithm' | 'typ' | 'unknown-key' | 'signature' | 'expired' | 'issuer' | 'audience' | 'claims' | 'revoked';

const REASONS: Record<InvalidTokenReason, [CheckName, string]> = {
  malformed: ['format', 'The access token is not a well-formed signed JWT.'],
  algorithm: ['alg', 'The access token uses an algorithm this resource server does not accept (RFC 8725 §3.1).'],
  'unknown-key': ['key', 'The access token was signed with a key this resource server does not know (kid).'],
  signature: ['signature', 'The access token signature does not verify.'],
  typ: ['typ', 'The access token header typ must be at+jwt (RFC 9068 §4, RFC 8725 §3.11).'],
  issuer: ['iss', 'The access token was not issued by this realm (iss).'],
  audience: ['aud', 'The access token is not meant for this resource server (aud, RFC 9068 §4).'],
  expired: ['exp', 'The access token has expired.'],
  claims: ['claims', 'The access token lacks a required claim or has an invalid one (RFC 9068 §2.2).'],
  revoked: ['active', 'The access token has been revoked, or this authorization server does not know it.'],
};

/** The `invalid_token` error for a reason, with its RFC 6750 §3 challenge and the check report so far. */
export function invalidAccessToken(realm: Realm, reason: InvalidTokenReason, report: CheckEntry[] = [], detail?: string) {
  const [check, text] = REASONS[reason];
  const entries = [...report, { check, outcome: 'fail' as const }];
  const error = bearerError(realm, 'invalid_token', detail ?? text);
  error.headers[CHECK_REPORT_HEADER] = formatCheckReport(entries);
  return Object.assign(error, { reason, report: entries });
}

export interface VerifyOptions {
  /** Points to use instead of the realm's (the AS's own endpoints always know about revocation). */
  points?: Readonly<PolicyPoints>;
  /** Clock skew allowed on exp/nbf: the realm's setting, else the RS's default; the AS judges its own tokens on its own clock (0). */
  toleranceSeconds?: number;
}

/**
 * The one access-token verifier: the RS, userinfo, introspection and revocation all use it.
 * A JWT is validated as RFC 9068 §4 asks, with RFC 8725's hardening, one named check after the
 * other, each read from the realm's policy points (so a lab realm's weakness shows as `skipped`
 * or `weakened` in the report, never as a silent pass):
 *
 *   format → alg (allow-list, §3.1) → key (the realm's own, by kid, pinned to its alg, §3.10) →
 *   signature → typ (at+jwt, §3.11) → iss → aud (§3.9) → exp/nbf → required claims (RFC 9068 §2.2)
 *   → active (the AS still knows the `jti` and its grant is not revoked: an unknown jti is NOT live).
 *
 * An opaque token (realms with `accessTokenFormat: opaque`) is looked up in the AS's records, as
 * introspection would (RFC 7662 §2.2). Throws `invalid_token` carrying a {@link InvalidTokenReason}
 * and the report. Does NOT check scopes: that is per endpoint (RFC 6750 §3.1 `insufficient_scope`).
 */
export async function verifyAccessToken(token: string, realm: Realm, options: VerifyOptions = {}): Promise<VerifiedAccessToken> {
  const points = options.points ?? realm.points;
  if (token.length > MAX_TOKEN_LENGTH)
    throw invalidAccessToken(realm, 'malformed', [], `The access token is longer than ${MAX_TOKEN_LENGTH} characters.`);
  // A lab realm may set its own leeway (settings.clockTolerance, RFC 7519 §4.1.4 "some small leeway").
  const tolerance = options.toleranceSeconds ?? realm.settings.clockTolerance ?? CLOCK_TOLERANCE_SECONDS;
  let verdict = verdicts.get(realm, token, tolerance);
  if (!verdict) {
    const checked = token.includes('.') ? await verifyJwt(token, realm, points, tolerance) : await verifyOpaque(token, realm, tolerance);
    verdict = { token: checked };
    if (checked.kid !== 'opaque') verdicts.set(realm, token, verdict, checked.exp);
  }
  const verified = verdict.token;
  // Revocation is checked on every request, cached verdict or not.
  const report = [...verified.report];
  const active = await points['rs.revocation'](() => isLive(realm, verdict));
  if (active === 'fail') throw invalidAccessToken(realm, 'revoked', report);
  report.push({ check: 'active', outcome: active });
  return { ...verified, report };
}

/** A token that checked out, and what the RS has since learnt of its record at the AS. */
interface Verdict {
  token: VerifiedAccessToken;
  /**
   * The grant that the token's `at:{jti}` record named when the RS last read it. The record is
   * written once at issuance and never rewritten, so knowing its grant lets the RS read the record
   * and the grant's revocation together, in one step (`getMany`), instead of one after the other.
   * Both are still read on every call: a record that has expired, or that a store lost, refuses the
   * token as before, whatever `exp` the token claims (a lab realm may accept a forged one).
   */
  grantId?: string;
}

/** Process-wide: the same verdict serves every request that presents the same token to the same realm. */
const verdicts = new VerifiedTokenCache<Verdict>();

/** A running report: `record` adds an outcome, and a `fail` throws the refusal for that reason. */
function reporter(realm: Realm) {
  const report: CheckEntry[] = [];
  return {
    report,
    record(check: CheckName, outcome: CheckOutcome, reason: InvalidTokenReason, detail?: string) {
      if (outcome === 'fail') throw invalidAccessToken(realm, reason, report, detail);
      report.push({ check, outcome });
    },
  };
}

/** One decoder for every call: `decode` without `stream` keeps no state between calls. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Base64url without padding (RFC 7515 §2); a length of 4n+1 characters encodes no whole octet. */
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * A header or payload part as a JSON object, else undefined. The characters are checked first and
 * node's own decoder does the rest: jose's `base64url.decode` goes through `atob` and a JavaScript
 * loop, and forgives whitespace inside a part, which a compact JWS does not contain (RFC 7515 §7.1).
 */
function decodePart(part: string): Record<string, unknown> | undefined {
  if (!BASE64URL.test(part) || part.length % 4 === 1) return undefined;
  try {
    const value: unknown = JSON.parse(UTF8.decode(Buffer.from(part, 'base64url')));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function verifyJwt(token: string, realm: Realm, points: Readonly<PolicyPoints>, tolerance: number): Promise<VerifiedAccessToken> {
  const r = reporter(realm);
  const parts = token.split('.');
  const header = parts.length === 3 ? (decodePart(parts[0]) as JWSHeaderParameters | undefined) : undefined;
  const payload = parts.length === 3 ? (decodePart(parts[1]) as JWTPayload | undefined) : undefined;
  r.record('format', header && payload && BASE64URL.test(parts[2]) ? 'pass' : 'fail', 'malformed');

  r.record('alg', points['rs.algorithm'](header!.alg, realm.algorithms), 'algorithm');
  const alg = String(header!.alg);
  if (spellsNone(alg)) {
    // An unsecured JWS (RFC 7515 §A.5) has no key and no signature: there is nothing to verify.
    r.report.push({ check: 'key', outcome: 'skipped' }, { check: 'signature', outcome: 'skipped' });
  } else {
    let key: ResolvedKey | undefined;
    try {
      key = await resolveKey(header!, realm, points);
    } catch (err) {
      if (err instanceof OAuthError) r.record('key', 'fail', 'unknown-key', err.message);
      throw err;
    }
    r.record('key', key ? key.outcome : 'fail', 'unknown-key');
    const signature = await points['rs.signature'](() => verifySignature(token, parts, key!, header!, realm));
    r.record('signature', signature, 'signature');
  }

  const typ = typeof header!.typ === 'string' ? header!.typ.toLowerCase() : undefined;
  // RFC 9068 §4: "at+jwt" or "application/at+jwt"; media types compare case-insensitively (RFC 8725 §3.11).
  r.record('typ', typ === 'at+jwt' || typ === 'application/at+jwt' ? 'pass' : 'fail', 'typ');
  const p = payload!;
  r.record('iss', p.iss === realm.issuer ? 'pass' : 'fail', 'issuer');
  r.record('aud', points['rs.audience'](p.aud, realm.resource), 'audience');
  const now = realm.clock.nowSeconds();
  r.record('exp', points['rs.expiry'](p.exp, now, tolerance), 'expired');
  if (p.nbf !== undefined) {
    r.record(
      'nbf',
      typeof p.nbf === 'number' && p.nbf <= now + tolerance ? 'pass' : 'fail',
      'claims',
      'The access token is not valid yet (nbf).',
    );
  }
  const claims = readClaims(p);
  r.record('claims', claims ? 'pass' : 'fail', 'claims');
  return { ...claims!, kid: typeof header!.kid === 'string' ? header!.kid : '', alg, report: r.report };
}

/**
 * Which key verifies this token: first the lab realms' naive sources (the token's own `jwk`, its
 * `jku`, a `kid` used as a path, the RSA public key as an HMAC secret) — each a no-op in a hardened
 * realm — then the realm's own key named by `kid`, which must be of the header's algorithm
 * (RFC 8725 §3.1: no key is ever used with an algorithm it was not made for).
 */
async function resolveKey(header: JWSHeaderParameters, realm: Realm, points: Readonly<PolicyPoints>): Promise<ResolvedKey | undefined> {
  const ctx: KeyContext = { keys: realm.keys, origin: realm.origin, realmId: realm.id, store: realm.store };
  for (const resolver of [
    points['rs.key-from-jwk'],
    points['rs.key-from-jku'],
    points['rs.key-from-kid-path'],
    points['rs.hmac-with-public-key'],
  ]) {
    const found = await resolver(header, ctx);
    if (found) return found;
  }
  const kid = header.kid;
  if (typeof kid !== 'string') return undefined;
  const hmac = realm.keys.hmac;
  if (hmac && hmac.kid === kid && header.alg === hmac.alg)
    return { alg: hmac.alg, key: hmac.secret, outcome: 'pass', source: 'the realm’s shared HMAC secret' };
  const key = realm.keys.byKid(kid);
  if (!key || key.alg !== header.alg) return undefined;
  return { alg: key.alg, key: key.publicKey, outcome: 'pass', source: `the realm’s ${key.alg} key ${kid}` };
}

const HMAC_HASH: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

async function verifySignature(
  token: string,
  parts: string[],
  key: ResolvedKey,
  header: JWSHeaderParameters,
  realm: Realm,
): Promise<boolean> {
  const hash = HMAC_HASH[key.alg];
  if (hash) {
    if (!(key.key instanceof Uint8Array)) return false;
    // node:crypto, not WebCrypto: it accepts the empty key of the kid traversal, as a naive RS would.
    const expected = createHmac(hash, key.key).update(`${parts[0]}.${parts[1]}`).digest();
    let given: Uint8Array;
    try {
      given = base64url.decode(parts[2]);
    } catch {
      return false;
    }
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  if (key.key instanceof Uint8Array) return false;
  // The realm's own key for its own algorithm, in a plain header: node:crypto (lib/realms/node-signing.ts).
  // `crit` and `b64` (RFC 7515 §4.1.11, RFC 7797) and every key taken from a token stay with jose.
  const own = realm.keys.all.find((k) => k.publicKey === key.key);
  if (own && own.alg === key.alg && header.alg === own.alg && header.crit === undefined && header.b64 === undefined) {
    return verifyOwnSignature(`${parts[0]}.${parts[1]}`, parts[2], own);
  }
  try {
    await compactVerify(token, key.key, { algorithms: [key.alg] });
    return true;
  } catch {
    return false;
  }
}

function readClaims(p: JWTPayload): Omit<VerifiedAccessToken, 'kid' | 'alg' | 'report'> | undefined {
  const { sub, jti, exp, iat, iss, aud } = p;
  const clientId = p.client_id;
  const scope = p.scope ?? '';
  if (typeof sub !== 'string' || typeof jti !== 'string' || typeof clientId !== 'string' || typeof scope !== 'string') return undefined;
  if (typeof iat !== 'number' || typeof iss !== 'string') return undefined;
  // exp is required by RFC 9068 §2.2 even where a lab realm skips checking its value.
  if (typeof exp !== 'number') return undefined;
  const authTime = typeof p.auth_time === 'number' ? p.auth_time : undefined;
  // RFC 7800 §3.1, RFC 9449 §6.1: a `cnf` this RS cannot honour (no `jkt`) is refused, not ignored.
  let jkt: string | undefined;
  if (p.cnf !== undefined) {
    const cnf = p.cnf as Record<string, unknown> | null;
    if (typeof cnf !== 'object' || cnf === null || typeof cnf.jkt !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(cnf.jkt)) return undefined;
    jkt = cnf.jkt;
  }
  // RFC 9068 §2.2.3: scope is a space-separated string (RFC 8693 §4.2 form).
  return { sub, clientId, jti, exp, iat, iss, aud: aud as string | string[], authTime, jkt, scope: scope.split(' ').filter(Boolean) };
}

/** An opaque token means only what the AS recorded for it: looked up, as introspection does. */
async function verifyOpaque(token: string, realm: Realm, tolerance: number): Promise<VerifiedAccessToken> {
  const r = reporter(realm);
  const record = /^[A-Za-z0-9_-]{20,128}$/.test(token)
    ? await realm.store.get<OpaqueAccessTokenRecord>(storeKeys.opaqueAccessToken(token))
    : undefined;
  r.record('format', record ? 'pass' : 'fail', 'revoked', 'This authorization server does not know this access token (or it expired).');
  const rec = record!;
  r.record('aud', rec.aud === realm.resource ? 'pass' : 'fail', 'audience');
  r.record('exp', rec.exp + tolerance > realm.clock.nowSeconds() ? 'pass' : 'fail', 'expired');
  return {
    sub: rec.sub,
    clientId: rec.clientId,
    scope: rec.scope,
    jti: rec.jti,
    exp: rec.exp,
    iat: rec.iat,
    authTime: rec.authTime,
    jkt: rec.jkt,
    iss: realm.issuer,
    aud: rec.aud,
    kid: 'opaque',
    alg: 'opaque',
    report: r.report,
  };
}

/** RFC 7009 / RFC 9700 §4.14: the AS recorded the token (for its lifetime + tolerance) and its grant is not revoked. */
async function isLive(realm: Realm, verdict: Verdict): Promise<boolean> {
  const recordKey = storeKeys.accessToken(verdict.token.jti);
  let grantId: string | undefined;
  if (verdict.grantId === undefined) grantId = await realm.store.get<string>(recordKey);
  else {
    const [recorded, revoked] = await readWithRevocation<string>(realm, recordKey, verdict.grantId);
    if (recorded === verdict.grantId) return !revoked;
    grantId = recorded; // gone (expired, or lost by the store), or naming another grant, which issuance never writes
  }
  verdict.grantId = grantId;
  return grantId !== undefined && !(await isGrantRevoked(realm, grantId));
}
