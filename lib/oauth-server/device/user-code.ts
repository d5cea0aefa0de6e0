/** RFC 8628 §6.1: 20 consonants (no vowels → no words), 8 characters ≈ 34.5 bits. */
export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

export function generateUserCode(): string {
  // 256 % 20 != 0, so reject bytes ≥ 240 to keep the distribution uniform.
  let code = '';
  while (code.length < 8) {
    for (const b of crypto.getRandomValues(new Uint8Array(16))) {
      if (b < 240 && code.length < 8) code += USER_CODE_ALPHABET[b % 20];
    }
  }
  return code;
}

export const formatUserCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** RFC 8628 §6.1: compare case-insensitively, ignoring dashes and spaces; undefined if not a code. */
export function normaliseUserCode(input: string): string | undefined {
  if (input.length > 64) return undefined;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return /^[BCDFGHJKLMNPQRSTVWXZ]{8}$/.test(code) ? code : undefined;
}
