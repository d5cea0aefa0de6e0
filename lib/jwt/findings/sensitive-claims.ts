import type { JsonObject } from '../decode';
import { CITE, type Finding } from './types';

const SENSITIVE_NAME = /pass(word|wd)?|secret|pin$|ssn|social.?security|credit.?card|card.?number|cvv|api.?key|private.?key/i;
const SSN = /^(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/;

/** Luhn check (ISO/IEC 7812-1 Annex B) on 13–19 digit numbers, ignoring spaces and dashes. */
export function looksLikeCardNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** JWS payloads are only encoded, not encrypted: anyone holding the token reads them (RFC 7519 §12). */
export function sensitiveClaimFindings(payload: JsonObject): Finding[] {
  const hits: string[] = [];
  const walk = (value: unknown, path: string, depth: number): void => {
    if (depth > 6 || hits.length > 10) return;
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as JsonObject)) {
        const p = path ? `${path}.${k}` : k;
        if (SENSITIVE_NAME.test(k)) hits.push(`"${p}" (name)`);
        else walk(v, p, depth + 1);
      }
      return;
    }
    const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
    if (looksLikeCardNumber(s)) hits.push(`"${path}" (card number, passes Luhn)`);
    else if (SSN.test(s.trim())) hits.push(`"${path}" (US social security number)`);
  };
  walk(payload, '', 0);
  if (hits.length === 0) return [];
  return [
    {
      id: 'sensitive-claims',
      severity: 'high',
      title: 'Payload looks like it contains sensitive data',
      detail: `${hits.join(', ')}. A signed JWT is readable by anyone who holds it; use JWE or leave it out.`,
      cite: [{ label: 'RFC 7519 §12', href: 'https://www.rfc-editor.org/rfc/rfc7519#section-12' }, CITE.owasp],
    },
  ];
}
