import { compactVerify, createLocalJWKSet, importJWK, type CryptoKey, type JWK } from 'jose';
import { isHmac, isJwsAlg, unknownAlgMessage } from './algorithms';
import { decodeToken } from './decode';
import { explainJoseError } from './explain-error';
import { importPemKey } from './keys/import-pem';
import { parseJwkInput } from './keys/import-jwk';
import { pemOrJwk } from './keys/key-text';
import { secretBytes, type SecretEncoding } from './keys/import-secret';
import { fail, ok, type Result } from './result';

export type KeyMaterial =
  | { kind: 'secret'; text: string; encoding: SecretEncoding }
  | { kind: 'pem'; text: string }
  | { kind: 'jwk'; text: string }
  | { kind: 'jwks'; jwks: { keys: JsonWebKey[] }; source: string }
  | { kind: 'embedded'; member: 'jwk' | 'x5c' };

export interface VerifyOutcome {
  alg: string;
  /** Which key did it, in words (e.g. 'JWKS key kid="k1"'). */
  keyUsed: string;
  /** True when the key came from the token's own header: proves nothing (RFC 8725 §3.10). */
  untrusted: boolean;
}

/**
 * Verifies a compact JWS signature over the original bytes (RFC 7515 §5.2: the signing input is the
 * string as received, so RFC 7515 A.1's CRLFs still verify). Never throws; an invalid signature is
 * `{ ok: false, error: { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' } }`. Does NOT check claims —
 * see time.ts and findings/ for that, so a valid signature on an expired token reports both facts.
 */
export async function verifyToken(token: string, material: KeyMaterial): Promise<Result<VerifyOutcome>> {
  const decoded = decodeToken(token);
  if (!decoded.ok) return decoded;
  if (decoded.value.kind !== 'jws') return fail('is_jwe', 'This is an encrypted token (JWE): decrypt it instead of verifying.', 'token');
  const d = decoded.value;
  const alg = d.header.json?.alg;
  if (!d.header.json) return fail('unreadable_header', 'The header cannot be read, so there is no algorithm to verify with.', 'header');
  if (typeof alg !== 'string') return fail('missing_alg', 'The header has no "alg" (RFC 7515 §4.1.1).', 'header');
  if (alg === 'none')
    return fail(
      'unsecured',
      'Unsecured JWT ("alg": "none"): there is no signature to verify. Reject it (RFC 7518 §3.6, RFC 8725 §3.1).',
      'header',
    );
  if (!isJwsAlg(alg)) return fail('ERR_JOSE_ALG_NOT_ALLOWED', unknownAlgMessage(alg), 'header');
  if (d.signature.error) return { ok: false, error: d.signature.error };
  try {
    const resolved = await resolveKey(material, alg, d.header.json);
    if (!resolved.ok) return resolved;
    await compactVerify(d.token, resolved.value.key, { algorithms: [alg] });
    return ok({ alg, keyUsed: resolved.value.label, untrusted: material.kind === 'embedded' });
  } catch (e) {
    return { ok: false, error: explainJoseError(e, 'signature', alg) };
  }
}

export type ResolvedKey = {
  key: CryptoKey | Uint8Array | ((h: Parameters<ReturnType<typeof createLocalJWKSet>>[0]) => Promise<CryptoKey>);
  label: string;
};

/** The key for `alg` from the material given; a JWKS yields jose's selector (by kid, kty, alg). */
export async function resolveKey(given: KeyMaterial, alg: string, header: Record<string, unknown>): Promise<Result<ResolvedKey>> {
  // A PEM pasted where a JWK was expected (or the reverse) is read as what it is.
  const m: KeyMaterial =
    given.kind === 'pem' || given.kind === 'jwk' ? { kind: pemOrJwk(given.kind, given.text), text: given.text } : given;
  switch (m.kind) {
    case 'secret': {
      if (!isHmac(alg)) return fail('key_type_mismatch', `The token says "${alg}", which needs a public key, not a shared secret.`, 'key');
      const bytes = secretBytes(m.text, m.encoding);
      return bytes.ok ? ok({ key: bytes.value, label: `shared secret (${bytes.value.length * 8} bits)` }) : bytes;
    }
    case 'pem': {
      if (isHmac(alg))
        return fail(
          'key_type_mismatch',
          `The token says "${alg}" (HMAC), which needs a shared secret, not a PEM key. Accepting a public key as an HMAC secret is the classic key-confusion attack (RFC 8725 §2.1).`,
          'key',
        );
      const r = await importPemKey(m.text, alg);
      if (!r.ok) return r;
      if (r.value.isPrivate)
        return fail('private_key_given', 'This is a private key: verifying needs the public key (or certificate).', 'key');
      return ok({ key: r.value.key, label: `PEM ${r.value.kind}` });
    }
    case 'jwk': {
      const parsed = parseJwkInput(m.text);
      if (!parsed.ok) return parsed;
      if (parsed.value.kind === 'jwks') return resolveKey({ kind: 'jwks', jwks: parsed.value.jwks, source: 'pasted JWK Set' }, alg, header);
      return ok({
        key: await importKeyFromJwk(parsed.value.jwk, alg),
        label: `JWK${parsed.value.jwk.kid ? ` kid="${parsed.value.jwk.kid}"` : ''}`,
      });
    }
    case 'jwks': {
      const set = createLocalJWKSet(m.jwks as { keys: JWK[] });
      const kid = typeof header.kid === 'string' ? header.kid : undefined;
      return ok({ key: set, label: `${m.source}${kid ? `, key kid="${kid}"` : ''}` });
    }
    case 'embedded': {
      if (m.member === 'jwk') {
        const jwk = header.jwk;
        if (!jwk || typeof jwk !== 'object') return fail('no_embedded_key', 'The header has no "jwk".', 'header');
        return ok({ key: await importKeyFromJwk(jwk as JsonWebKey, alg), label: 'the token’s own "jwk" header (untrusted)' });
      }
      const x5c = header.x5c;
      if (!Array.isArray(x5c) || typeof x5c[0] !== 'string')
        return fail('no_embedded_key', 'The header has no "x5c" certificate.', 'header');
      const pem = `-----BEGIN CERTIFICATE-----\n${x5c[0]}\n-----END CERTIFICATE-----`;
      const r = await importPemKey(pem, alg);
      return r.ok ? ok({ key: r.value.key, label: 'the token’s own "x5c" certificate (untrusted)' }) : r;
    }
  }
}

async function importKeyFromJwk(jwk: JsonWebKey, alg: string): Promise<CryptoKey | Uint8Array> {
  // A JWK's own "alg" may disagree with the token's; jose then refuses, which is the right outcome.
  return importJWK(jwk as JWK, alg);
}
