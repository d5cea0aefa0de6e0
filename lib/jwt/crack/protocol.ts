/**
 * Messages between the page and the cracker's Web Worker (`crack.worker.ts`). The page sends
 * `crack.start` once, maybe `crack.cancel`; the worker answers `crack.progress` now and then and
 * exactly one `crack.done` or `crack.error`.
 */
import type { CrackErrorCode } from './errors';

/** Where the guesses come from: a wordlist on the app's own origin under `/wordlists/`, or a list. */
export type CrackWordlist = { url: string } | { words: readonly string[] };

export type CrackRequest = { type: 'crack.start'; token: string; wordlist: CrackWordlist; batch?: number } | { type: 'crack.cancel' };

export type CrackReport =
  | { type: 'crack.progress'; tried: number; total: number; ms: number; rate: number }
  | { type: 'crack.done'; found?: string; tried: number; total: number; ms: number; rate: number; cancelled: boolean }
  | { type: 'crack.error'; code: CrackErrorCode; message: string };

/** The path prefix the worker may fetch wordlists from. */
export const WORDLIST_PREFIX = '/wordlists/';
