import { decodeBase64url, encodeBase64url } from '@/lib/jwt/base64url';

const text = new TextDecoder();
const enc = new TextEncoder();

function json(part: string, where: 'header' | 'payload'): Record<string, unknown> {
  const r = decodeBase64url(part, where);
  if (!r.ok) throw new Error(`The token's ${where} is not base64url: ${r.error.message}`);
  const v: unknown = JSON.parse(text.decode(r.value));
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`The token's ${where} is not a JSON object.`);
  return v as Record<string, unknown>;
}

/**
 * Tokens that each fail one check of the RS (lib/resource-server/check-report.ts runs them in order:
 * alg, key, signature, typ, iss, aud, exp, …): made from a genuine access token by changing one thing.
 * A change to the header or payload breaks the signature, so checks after it (typ, iss, aud, exp)
 * need a token the AS signed that way: the ID token (wrong typ) and a read-only token on a write
 * endpoint (scope) are genuine; exp and iss are shown in the attack lab.
 */
export interface Variant {
  id: string;
  label: string;
  /** The RS check this token is meant to fail (a name of its Flowlab-Checks report). */
  fails: 'alg' | 'key' | 'signature' | 'scope' | 'none';
  spec: string;
  make: (token: string) => string;
}

function parts(token: string): [Record<string, unknown>, Record<string, unknown>, string] {
  const [h, p, s] = token.split('.');
  return [json(h ?? '', 'header'), json(p ?? '', 'payload'), s ?? ''];
}

const b64json = (v: unknown) => encodeBase64url(enc.encode(JSON.stringify(v)));

/** Keeps the original bytes of a part it does not change, so only the intended change is made. */
function withHeader(token: string, change: (h: Record<string, unknown>) => Record<string, unknown>, signature?: string): string {
  const [h] = parts(token);
  const [, p, s] = token.split('.');
  return `${b64json(change(h))}.${p}.${signature ?? s}`;
}

export const VARIANTS: readonly Variant[] = [
  { id: 'genuine', label: 'The genuine token', fails: 'none', spec: 'RFC 9068 §4', make: (t) => t },
  {
    id: 'alg-none',
    label: 'alg set to "none", signature removed',
    fails: 'alg',
    spec: 'RFC 8725 §3.1',
    make: (t) => withHeader(t, (h) => ({ ...h, alg: 'none' }), ''),
  },
  {
    id: 'alg-case',
    label: 'alg set to "nOnE" (not "none": alg is case-sensitive, an unknown algorithm)',
    fails: 'alg',
    spec: 'RFC 7515 §4.1.1',
    make: (t) => withHeader(t, (h) => ({ ...h, alg: 'nOnE' }), ''),
  },
  {
    id: 'kid',
    label: 'kid changed to a key the issuer never published',
    fails: 'key',
    spec: 'RFC 8725 §3.10',
    make: (t) => withHeader(t, (h) => ({ ...h, kid: 'mallory-key' })),
  },
  {
    id: 'payload',
    label: 'payload changed (scope widened to photos:write), signature kept',
    fails: 'signature',
    spec: 'RFC 7515 §5.2',
    make: (t) => {
      const [h, , s] = t.split('.');
      const [, p] = parts(t);
      return `${h}.${b64json({ ...p, scope: 'photos:read photos:write' })}.${s}`;
    },
  },
];
