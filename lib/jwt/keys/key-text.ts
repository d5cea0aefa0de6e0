/** What a pasted key looks like, before anything is imported: a PEM block, JSON (a JWK or JWK Set), or neither. */
export type KeyTextKind = 'pem' | 'json' | 'empty' | 'other';

/**
 * Tells a PEM from a JWK by its first characters, so one box can take both and a PEM pasted where a
 * JWK was expected is read as a PEM (RFC 7468 §2 "-----BEGIN", RFC 7517 §4 JSON object).
 */
export function keyTextKind(text: string): KeyTextKind {
  const t = text.trim();
  if (t === '') return 'empty';
  if (/-----BEGIN [A-Z0-9 ]+-----/.test(t)) return 'pem';
  if (t.startsWith('{')) return 'json';
  return 'other';
}

/** How to read key text given in a PEM or a JWK field: by what it is, whichever field it was pasted into. */
export function pemOrJwk(declared: 'pem' | 'jwk', text: string): 'pem' | 'jwk' {
  const kind = keyTextKind(text);
  return kind === 'pem' ? 'pem' : kind === 'json' ? 'jwk' : declared;
}
