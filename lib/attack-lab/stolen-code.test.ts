import { describe, expect, it } from 'vitest';
import type { ConsoleRecord } from './attacker-log';
import { errorPageMessage, findStolenCode } from './stolen-code';

const rec = (seq: number, query: Record<string, string>, fields: Record<string, string> = {}): ConsoleRecord => ({
  seq,
  at: 0,
  kind: 'request',
  method: 'GET',
  path: '/cb',
  query,
  fields,
});

describe('findStolenCode', () => {
  it('takes the newest record with a code and Mallory’s own state', () => {
    const records = [
      rec(1, { code: 'old', state: 'mine' }),
      rec(2, { code: 'other', state: 'theirs' }),
      rec(3, { code: 'new', state: 'mine', iss: 'x' }),
      rec(4, { state: 'mine' }),
    ];
    expect(findStolenCode(records, 'mine')).toEqual({ code: 'new', state: 'mine', iss: 'x', path: '/cb', seq: 3 });
  });
  it('finds nothing in an empty log, for another state, or for an empty code', () => {
    expect(findStolenCode([], 'mine')).toBeUndefined();
    expect(findStolenCode([rec(1, { code: 'c', state: 'theirs' })], 'mine')).toBeUndefined();
    expect(findStolenCode([rec(1, { code: '', state: 'mine' })], 'mine')).toBeUndefined();
  });
  it('reads a form-posted response too', () => {
    expect(findStolenCode([rec(1, {}, { code: 'c', state: 'mine' })], 'mine')?.code).toBe('c');
  });
});

describe('errorPageMessage', () => {
  it('reads the AS error page’s message, unescaped', () => {
    expect(errorPageMessage('<h1>x</h1><p class="error" role="alert">invalid_request: The redirect_uri &amp; &quot;more&quot;</p>')).toBe(
      'invalid_request: The redirect_uri & "more"',
    );
  });
  it('is undefined for anything else', () => {
    expect(errorPageMessage('<html>login</html>')).toBeUndefined();
    expect(errorPageMessage('')).toBeUndefined();
  });
});
