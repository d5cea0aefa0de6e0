import { describe, expect, it } from 'vitest';
import { describeInstant, relativeTime, timeStatus } from './time';

const NOW = 1_700_000_000;

describe('time', () => {
  it.each([
    [{ exp: NOW - 180 }, 'expired', 'Expired 3 minutes ago'],
    [{ exp: NOW + 7200 }, 'valid', 'expires in 2 hours'],
    [{ exp: NOW }, 'expired', 'Expired'],
    [{ nbf: NOW + 60, exp: NOW + 600 }, 'not-yet-valid', 'in 1 minute'],
    [{}, 'no-expiry', 'never expires'],
    [{ exp: '2030-01-01' }, 'invalid-claim', 'NumericDate'],
  ] as const)('%j is %s', (payload, status, words) => {
    const v = timeStatus(payload, NOW);
    expect(v.status).toBe(status);
    expect(v.message).toContain(words);
  });

  it('shows an instant as UTC, local time and relative words', () => {
    const v = describeInstant(1300819380, NOW);
    expect(v?.utc).toBe('2011-03-22T18:43:00Z');
    expect(v?.relative).toBe('13 years ago');
    expect(v?.local).toMatch(/2011/);
    expect(describeInstant(1e20, NOW)).toBeUndefined();
  });

  it('says "now" style words for tiny differences', () => {
    expect(relativeTime(NOW, NOW)).toBe('now');
  });
});
