import {
  flattenedDecrypt,
  flattenedVerify,
  generalDecrypt,
  generalVerify,
  type FlattenedJWE,
  type FlattenedJWSInput,
  type GeneralJWE,
  type GeneralJWSInput,
  type JWEHeaderParameters,
  type DecryptOptions,
} from 'jose';
import { explainJoseError } from './explain-error';
import { jweKey, KEY_MANAGEMENT, MAX_PBES2_COUNT, type JweKeyMaterial } from './jwe';
import { fail, ok, type Result } from './result';
import { resolveKey, type KeyMaterial } from './verify';

function parseObject(text: string): Result<Record<string, unknown>> {
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return ok(v as Record<string, unknown>);
  } catch {
    /* reported below */
  }
  return fail('not_json_serialization', 'This is not a JWS/JWE JSON serialization (a JSON object).', 'token');
}

/**
 * Verifies a JWS in the flattened or general JSON serialization (RFC 7515 §7.2), including
 * unprotected headers and RFC 7797 `b64: false`. Never throws.
 */
export async function verifyJsonSerialization(text: string, material: KeyMaterial): Promise<Result<{ payload: string; alg: string }>> {
  const obj = parseObject(text);
  if (!obj.ok) return obj;
  let alg = '';
  const getKey = async (header: Record<string, unknown> | undefined) => {
    alg = typeof header?.alg === 'string' ? header.alg : '';
    const r = await resolveKey(material, alg, header ?? {});
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return typeof r.value.key === 'function' ? r.value.key(header as Parameters<typeof r.value.key>[0]) : r.value.key;
  };
  try {
    const r = Array.isArray(obj.value.signatures)
      ? await generalVerify(obj.value as unknown as GeneralJWSInput, (h, t) => getKey({ ...h, ...t.header }))
      : await flattenedVerify(obj.value as unknown as FlattenedJWSInput, (h, t) => getKey({ ...h, ...t.header }));
    return ok({ payload: new TextDecoder().decode(r.payload), alg });
  } catch (e) {
    return { ok: false, error: explainJoseError(e, 'signature', alg) };
  }
}

/** Decrypts a JWE in the flattened or general JSON serialization (RFC 7516 §7.2). Never throws. */
export async function decryptJsonSerialization(text: string, material: JweKeyMaterial): Promise<Result<{ plaintext: string }>> {
  const obj = parseObject(text);
  if (!obj.ok) return obj;
  let alg = '';
  const getKey = async (header: Record<string, unknown> | undefined) => {
    alg = typeof header?.alg === 'string' ? header.alg : '';
    const r = await jweKey(material, alg);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value;
  };
  const options: DecryptOptions = {
    keyManagementAlgorithms: KEY_MANAGEMENT as DecryptOptions['keyManagementAlgorithms'],
    maxPBES2Count: MAX_PBES2_COUNT,
  };
  try {
    const r = Array.isArray(obj.value.recipients)
      ? await generalDecrypt(
          obj.value as unknown as GeneralJWE,
          (h: JWEHeaderParameters | undefined, t: FlattenedJWE) => getKey({ ...h, ...t.header, ...t.unprotected }),
          options,
        )
      : await flattenedDecrypt(
          obj.value as unknown as FlattenedJWE,
          (h: JWEHeaderParameters | undefined, t: FlattenedJWE) => getKey({ ...h, ...t.header, ...t.unprotected }),
          options,
        );
    return ok({ plaintext: new TextDecoder().decode(r.plaintext) });
  } catch (e) {
    return { ok: false, error: explainJoseError(e, 'key', alg) };
  }
}
