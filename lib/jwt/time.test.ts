import { describe, expect, it } from 'vitest';
import { describeInstant, groupedDigits, localDateTime, RELATIVE_UNITS, relativeTime, timeStatus } from './time';

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

  describe('writes what Intl writes, without starting ICU in the browser', () => {
    const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    // The same choice of unit and rounding, with Intl writing the words.
    const viaIntl = (seconds: number, now: number) => {
      const diff = seconds - now;
      const [unit, size] = RELATIVE_UNITS.find(([u, length]) => Math.abs(diff) >= length || u === 'second')!;
      return rtf.format(Math.round(diff / size), unit);
    };

    it('relative words for every unit, both directions, singular and plural, named and grouped', () => {
      const diffs = [0, 0.4, -0.4, 1, -1, 2, 59, 60, 61, 89, 90, 3599, 3600, 7200, 86_399, 86_400, 129_599, 129_600, 172_800];
      diffs.push(2_592_000, 3_888_000, 5_184_000, 31_535_999, 31_536_000, 47_304_000, 63_072_000, 31_536_000_000_000);
      diffs.push(1e20, 1e25, 1e300, 123_456_789_012, 9_007_199_254_740_993);
      for (const d of diffs) {
        for (const signed of [d, -d]) expect(relativeTime(NOW + signed, NOW), String(signed)).toBe(viaIntl(NOW + signed, NOW));
      }
    });

    it('groups digits as Intl does, exponent forms included', () => {
      const nf = new Intl.NumberFormat('en');
      for (const n of [0, 7, 999, 1000, 12_345, 1_234_567, 1e21, 3.1709791983764586e292, 1.5e22])
        expect(groupedDigits(n)).toBe(nf.format(n));
    });

    it('local date and time as en-GB medium, in several time zones, across the year and across eras', () => {
      const dtf = () => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
      const saved = process.env.TZ;
      try {
        for (const tz of ['UTC', 'Europe/London', 'America/St_Johns', 'Asia/Kolkata', 'Pacific/Chatham']) {
          process.env.TZ = tz;
          const f = dtf();
          const instants = [0, 1_300_819_380, 1_700_000_000, 1_711_846_800, 1_729_990_800, -62_135_596_800 + 86_400, 8.64e12];
          for (let m = 0; m < 12; m++) instants.push(Date.UTC(2026, m, 15, 23, 59, 59) / 1000);
          for (const s of instants) {
            const d = new Date(s * 1000);
            expect(localDateTime(d), `${tz} ${s}`).toBe(f.format(d));
          }
        }
        // Before year 1, Intl's en-GB medium prints the era's year with no era ("1 Jan 2"); this says which era.
        process.env.TZ = 'UTC';
        expect(localDateTime(new Date(-62_198_755_200_000))).toBe('1 Jan 2 BC, 00:00:00');
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    });
  });
});
