// node scripts/make-wordlist.mjs — writes public/wordlists/common-secrets.txt, the HS256 cracker's wordlist.
//
// The list is GENERATED here, not copied from any published password list: it starts with the
// app's own COMMON_SECRETS (lib/jwt/findings/common-secrets.ts) in their order, so the lab realm's
// weak secret (always one of the first 120 printable entries there) is found within the first few
// hundred guesses; then systematic variants of those words made below: case, leetspeak, common
// suffixes, years, and the numbers 0–99 (0–9999 for the shortest, most common bases).
// Deterministic: the same COMMON_SECRETS give the same file (lib/jwt/crack/wordlist-file.test.ts checks it).
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname } from 'node:path';

export const WORDLIST_PATH = 'public/wordlists/common-secrets.txt';

const SUFFIXES = [
  '1',
  '12',
  '123',
  '1234',
  '12345',
  '!',
  '!!',
  '1!',
  '123!',
  '@',
  '#',
  '$',
  '?',
  '.',
  '*',
  '_',
  '-',
  '00',
  '01',
  '007',
  '69',
  '99',
  '2fa',
  '_key',
  '-key',
  '_secret',
  '-secret',
  '_dev',
  '-dev',
  '_prod',
  '-prod',
  '_test',
  '-test',
];
const LEET = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
/** Bases that also get every number 0–9999 appended (the first two capitalised as well). */
const NUMBERED = ['secret', 'password', 'jwt', 'admin', 'test', 'key', 'token', 'pass'];
const FIRST_YEAR = 1990;
const LAST_YEAR = 2030;

const capitalise = (w) => w.charAt(0).toUpperCase() + w.slice(1);
const leet = (w) => w.replace(/[aeiost]/g, (c) => LEET[c]);
const leetVowels = (w) => w.replace(/[aeio]/g, (c) => LEET[c]);

/** @param {readonly string[]} commonSecrets @returns {string[]} the wordlist, one secret per entry, no duplicates */
export function makeWordlist(commonSecrets) {
  const out = new Set();
  const add = (w) => {
    if (w !== '' && !w.includes('\n') && !w.includes('\r')) out.add(w);
  };
  commonSecrets.forEach(add);
  const bases = [...new Set(commonSecrets.filter((w) => /^[\x21-\x7e]+$/.test(w)).map((w) => w.toLowerCase()))];
  const cased = bases.flatMap((w) => [w, capitalise(w), w.toUpperCase()]);
  cased.forEach(add);
  const leeted = bases.flatMap((w) => [leet(w), leetVowels(w), capitalise(leetVowels(w))]).filter((w) => !bases.includes(w));
  leeted.forEach(add);
  for (const suffix of SUFFIXES) for (const w of [...bases, ...bases.map(capitalise)]) add(w + suffix);
  for (const w of [...new Set(leeted)]) for (const suffix of ['1', '123', '!']) add(w + suffix);
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) for (const w of [...bases, ...bases.map(capitalise)]) add(`${w}${y}`);
  for (let y = 2015; y <= LAST_YEAR; y++) for (const w of bases) for (const sep of ['-', '_', '@', '!']) add(`${w}${sep}${y}`);
  for (let n = 0; n < 100; n++) for (const w of bases) add(`${w}${n}`);
  for (const w of [...NUMBERED, ...NUMBERED.slice(0, 2).map(capitalise)]) for (let n = 0; n < 10_000; n++) add(`${w}${n}`);
  return [...out];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { createJiti } = await import('jiti');
  const root = fileURLToPath(new URL('../', import.meta.url));
  const jiti = createJiti(import.meta.url);
  const { COMMON_SECRETS } = await jiti.import(`${root}lib/jwt/findings/common-secrets.ts`);
  const list = makeWordlist(COMMON_SECRETS);
  const text = `${list.join('\n')}\n`;
  mkdirSync(dirname(`${root}${WORDLIST_PATH}`), { recursive: true });
  writeFileSync(`${root}${WORDLIST_PATH}`, text);
  console.log(`${WORDLIST_PATH}: ${list.length} secrets, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(2)} MB`);
}
