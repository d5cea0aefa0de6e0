import { describe, expect, it } from 'vitest';

import { formatUserCode, generateUserCode, normaliseUserCode, USER_CODE_ALPHABET } from './user-code';

describe('user codes (RFC 8628 §6.1)', () => {
  it('are 8 characters from the 20 consonants', () => {
    for (let i = 0; i < 200; i++) expect(generateUserCode()).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{8}$/);
  });

  it('use every letter of the alphabet over many draws', () => {
    const seen = new Set([...Array.from({ length: 300 }, generateUserCode).join('')]);
    expect([...seen].sort().join('')).toBe(USER_CODE_ALPHABET);
  });

  it('are shown as XXXX-XXXX', () => {
    expect(formatUserCode('BCDFGHJK')).toBe('BCDF-GHJK');
  });

  it('match case-, dash- and space-insensitively', () => {
    for (const input of ['BCDF-GHJK', 'bcdf-ghjk', ' bcdf ghjk ', 'BCDFGHJK', 'b-c-d-f-g-h-j-k'])
      expect(normaliseUserCode(input)).toBe('BCDFGHJK');
  });

  it('refuse vowels, wrong lengths and huge input', () => {
    for (const input of ['ABCD-EFGH', 'BCDF-GHJ', 'BCDF-GHJKL', '', 'B'.repeat(1000)]) expect(normaliseUserCode(input)).toBeUndefined();
  });
});
