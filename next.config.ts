import type { NextConfig } from 'next';
import { networkInterfaces } from 'node:os';

// Every page of the app refuses to be framed (RFC 9700 §4.16 clickjacking); the
// AS pages set their own stricter headers in lib/oauth-server/http.ts as well.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
];
// The AS pages (/as/…) send their own CSP, framing included, from the realm's `as.page-framing`
// policy point: a clickjacking lab realm must be frameable, so this default must not override it.
const noFraming = [{ key: 'Content-Security-Policy', value: "frame-ancestors 'none'" }];

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
      { source: '/:path*', headers: securityHeaders },
      { source: '/((?!as/).*)', headers: noFraming },
    ];
  },
};

export default nextConfig;
