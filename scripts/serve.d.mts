// Types for serve.mjs (plain JS: `npm run dev` / `npm start` run it, through scripts/serve.cjs, without a TypeScript loader).
import type { IncomingMessage, ServerResponse } from 'node:http';

export { stampPeerHeader } from '../lib/http/peer-header.mjs';

export type ServeOptions =
  { help: true } | { help?: undefined; dev: boolean; hostname: string | undefined; port: number; webpack: boolean };

/** Serves as process.argv says (dev or start): what scripts/serve.cjs calls. */
export function main(): Promise<void>;

/** The command line of `npm run dev -- …` / `npm start -- …`; throws with the usage line. */
export function parseServeArgs(argv: string[], env?: Record<string, string | undefined>): ServeOptions;

/** A node:http listener: path and method refusals, then a server path to `direct.handle`, anything else stamped with the peer header to `handle`. */
export function peerStampingListener(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  options: { name: string; trustedHops: number },
  direct?: { isServerPath: (rawUrl: string | undefined) => boolean; handle: (req: IncomingMessage, res: ServerResponse) => void },
): (req: IncomingMessage, res: ServerResponse) => void;

/** dist/app/front.mjs (lib/app-server/front.ts) loaded for `npm start`, or why the servers stay in Next.js. */
export function loadFrontServer(options: {
  env?: Record<string, string | undefined>;
  distDir: string;
  origin: string;
  peer: { name: string; trustedHops: number };
  frontModule?: URL;
}): Promise<
  | {
      handle: (req: IncomingMessage, res: ServerResponse) => void;
      isServerPath: (rawUrl: string | undefined) => boolean;
      reason?: undefined;
    }
  | { reason: string; handle?: undefined; isServerPath?: undefined }
>;
