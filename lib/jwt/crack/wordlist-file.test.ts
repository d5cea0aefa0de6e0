import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WORDLIST_PATH, makeWordlist } from '../../../scripts/make-wordlist.mjs';
import { COMMON_SECRETS } from '../findings/common-secrets';
import { LAB_WEAK_SECRETS } from '../../realms/weak-secrets';
import { WordlistCursor, countWords } from './wordlist';

const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../${WORDLIST_PATH}`, import.meta.url))));
const text = new TextDecoder().decode(bytes);
const entries = text.split('\n').slice(0, -1);

describe(`the shipped wordlist (${WORDLIST_PATH})`, () => {
  it('is what scripts/make-wordlist.mjs generates from COMMON_SECRETS (run it after changing them)', () => {
    expect(entries).toEqual(makeWordlist(COMMON_SECRETS));
  });

  it('starts with COMMON_SECRETS in order, so every secret a lab realm may pick is among the first guesses', () => {
    expect(entries.slice(0, COMMON_SECRETS.length)).toEqual(COMMON_SECRETS);
    // lib/realms/api.ts picks its weak secret from these.
    const realmPicks = LAB_WEAK_SECRETS;
    for (const s of realmPicks) expect(entries.indexOf(s), s).toBeLessThan(200);
  });

  it('holds 100,000–300,000 distinct secrets in under 3 MB', () => {
    expect(new Set(entries).size).toBe(entries.length);
    expect(entries.length).toBeGreaterThanOrEqual(100_000);
    expect(entries.length).toBeLessThanOrEqual(300_000);
    expect(bytes.length).toBeLessThan(3 * 1024 * 1024);
  });

  it('reads back line by line through WordlistCursor, the way the cracker walks it', () => {
    expect(countWords(bytes)).toBe(entries.length);
    const cursor = new WordlistCursor(bytes);
    for (const i of [0, 1, 350, entries.length - 1]) {
      const c = new WordlistCursor(bytes);
      for (let k = 0; k <= i; k++) c.advance();
      expect(c.text()).toBe(entries[i]);
    }
    expect(cursor.advance() && cursor.text()).toBe(COMMON_SECRETS[0]);
  });
});
