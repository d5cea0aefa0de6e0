// Types for serve.mjs (plain JS: `npm run dev` / `npm start` run it without a TypeScript loader).
import type { IncomingMessage, ServerResponse } from 'node:http';

export { stampPeerHeader } from '../lib/http/peer-header.mjs';

export type ServeOptions =
  { help: true } | { help?: undefined; dev: boolean; hostname: string | undefined; port: number; webpack: boolean };

/** The command line of `npm run dev -- …` / `npm start -- …`; throws with the usage line. */
export function parseServeArgs(argv: string[], env?: Record<string, string | undefined>): ServeOptions;

/** A node:http listener that stamps the peer header on every request, then hands it to `handle`. */
export function peerStampingListener(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  options: { name: string; trustedHops: number },
): (req: IncomingMessage, res: ServerResponse) => void;

/** dist/app/front.mjs (lib/app-server/front.ts) loaded for `npm start`, or why the servers stay in Next.js. */
export function loadFrontServer(options: {
  env?: Record<string, string | undefined>;
  distDir: string;
  origin: string;
  frontModule?: URL;
}): Promise<
  | {
      handle: (req: IncomingMessage, res: ServerResponse) => void;
      isServerPath: (rawUrl: string | undefined) => boolean;
      reason?: undefined;
    }
  | { reason: string; handle?: undefined; isServerPath?: undefined }
>;
