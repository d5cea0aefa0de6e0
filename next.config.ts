import type { NextConfig } from 'next';
import { networkInterfaces } from 'node:os';
import { NO_FRAMING_HEADERS, NO_FRAMING_SOURCE, SECURITY_HEADERS } from './lib/http/site-headers.mjs';

// The site-wide headers (no sniffing, no referrer; no framing except the AS pages, which send their own
// CSP from the realm's `as.page-framing` policy point): one list, also used by the front server of `npm start`.
const asNext = (list: ReadonlyArray<readonly [string, string]>) => list.map(([key, value]) => ({ key, value }));

// `next dev` answers its HMR socket only to pages opened at localhost; a classroom opens the
// trainer's address (`npm run dev -- -H 0.0.0.0`). This machine's own IPv4 addresses are the dev
// server itself, so pages opened at them get fast refresh too.
const ownAddresses = Object.values(networkInterfaces())
  .flat()
  .flatMap((a) => (a && a.family === 'IPv4' ? [a.address] : []));

const nextConfig: NextConfig = {
  allowedDevOrigins: ownAddresses,
  // Separate build folders let several dev/test servers share one checkout.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['jose'],
  // .ci/run has run `next typegen && tsc --noEmit` over the same tsconfig (its .next/types included) just before the
  // build: checking again inside `next build` costs ~40 s of a 2-core CI for nothing. Everyone else's build still checks.
  typescript: { ignoreBuildErrors: process.env.FLOWLAB_BUILD_TYPECHECKED === '1' },
  async headers() {
    return [
      { source: '/:path*', headers: asNext(SECURITY_HEADERS) },
      { source: NO_FRAMING_SOURCE, headers: asNext(NO_FRAMING_HEADERS) },
    ];
  },
};

export default nextConfig;
