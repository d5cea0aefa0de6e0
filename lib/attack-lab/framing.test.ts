import { describe, expect, it } from 'vitest';
import { describeFraming, framingAllowed, framingHeaders, parseFrameCheck } from './framing';

const O = 'http://localhost:3000';

describe('framing headers (RFC 9700 §4.16)', () => {
  it('reads frame-ancestors from the CSP and X-Frame-Options', () => {
    const h = framingHeaders(
      new Headers({
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'; form-action 'self'",
        'x-frame-options': 'DENY',
      }),
    );
    expect(h).toEqual({ frameAncestors: "'none'", xFrameOptions: 'DENY' });
    expect(describeFraming(h)).toBe("Content-Security-Policy: frame-ancestors 'none' and X-Frame-Options: DENY");
    expect(framingHeaders(new Headers({ 'content-security-policy': "default-src 'none'" }))).toEqual({});
    expect(describeFraming({})).toBe('neither a frame-ancestors directive nor X-Frame-Options');
  });

  it.each([
    [{}, O, true],
    [{ frameAncestors: "'none'" }, O, false],
    [{ frameAncestors: "'self'" }, O, true],
    [{ frameAncestors: "'self'" }, 'https://evil.example', false],
    [{ frameAncestors: 'https://evil.example' }, 'https://evil.example', true],
    [{ xFrameOptions: 'DENY' }, O, false],
    [{ xFrameOptions: 'sameorigin' }, O, true],
    [{ xFrameOptions: 'SAMEORIGIN' }, 'https://evil.example', false],
    [{ xFrameOptions: 'ALLOW-FROM https://evil.example' }, 'https://evil.example', false],
    // CSP Level 3: frame-ancestors, when present, wins over X-Frame-Options.
    [{ frameAncestors: "'self'", xFrameOptions: 'DENY' }, O, true],
  ] as const)('%o framed by %s → %s', (h, framer, allowed) => {
    expect(framingAllowed(h, O, framer)).toBe(allowed);
  });

  it('drops a malformed frame-check answer', () => {
    expect(parseFrameCheck({ check: { framed: true, consentShown: false, loads: 1 } })).toEqual({
      framed: true,
      consentShown: false,
      loads: 1,
    });
    for (const bad of [
      undefined,
      null,
      { check: null },
      { check: { framed: 'yes', consentShown: false, loads: 1 } },
      { check: { framed: true, consentShown: true, loads: 1.5 } },
    ]) {
      expect(parseFrameCheck(bad)).toBeUndefined();
    }
  });
});
