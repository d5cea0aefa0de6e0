import { fail, ok, type Result } from '../result';

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

const PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/** Reads the first PEM block (RFC 7468 §2) into its label and DER bytes. */
export function parsePem(text: string): Result<PemBlock> {
  const m = PEM_RE.exec(text);
  if (!m) return fail('not_pem', 'This is not a PEM block: expected "-----BEGIN …-----" and a matching "-----END …-----" line.', 'key');
  const body = m[2].replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body))
    return fail('bad_pem_base64', `The ${m[1]} block contains characters that are not base64.`, 'key');
  try {
    const bin = atob(body);
    const der = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) der[i] = bin.charCodeAt(i);
    return ok({ label: m[1], der });
  } catch {
    return fail('bad_pem_base64', `The ${m[1]} block is not valid base64.`, 'key');
  }
}

export function toPem(label: string, der: Uint8Array): string {
  let bin = '';
  for (const b of der) bin += String.fromCharCode(b);
  const lines = btoa(bin).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
