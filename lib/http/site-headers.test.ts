import { describe, expect, it } from 'vitest';
import { NO_FRAMING_HEADERS, SECURITY_HEADERS, siteHeaders } from './site-headers.mjs';

describe('siteHeaders (next.config.ts headers(), for the answers npm start gives without Next.js)', () => {
  it('refuses framing everywhere but under /as/, whose pages send their own framing policy', () => {
    for (const path of ['/', '/jwt', '/rs/demo/photos', '/api/realms', '/attacker/lab-x/steal', '/as', '/asx/demo'])
      expect(siteHeaders(path), path).toEqual([...SECURITY_HEADERS, ...NO_FRAMING_HEADERS]);
    for (const path of ['/as/', '/as/demo/login', '/as/demo/jwks']) expect(siteHeaders(path), path).toEqual(SECURITY_HEADERS);
  });
});
