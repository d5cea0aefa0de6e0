import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerWithTextAnswers } from '../http/response-text';
import { siteHeaders } from '../http/site-headers.mjs';
import type { PeerStamp } from '../http-adapters/node-http';
import { serveNodeRequest } from '../mock-server/http-server';
import { asRoutes } from '../oauth-server/as-routes';
import { MAX_FORM_BYTES } from '../oauth-server/read-form';
import { rsRoutes } from '../resource-server/routes';
import { handleServerRequest } from '../server-router';

/** `/as/{realm}/{endpoint}` and `/rs/{realm}/{endpoint}`: an endpoint of the route tables, as app/as and app/rs have one route file each. */
const REALM_PATH = /^\/(as|rs)\/[^/?#]+\/([^?#]+)(?:[?#]|$)/;
/** The catch-all mounts (app/attacker, app/bff, app/lab-client), the realm API, and RFC 8414's path-inserted metadata. */
const OTHER_SERVER_PATH =
  /^\/(?:(?:attacker|bff|lab-client)\/[^/?#]+\/[^?#]*[^/?#]|api\/(?:weaknesses|realms(?:\/[^/?#]+)?)|\.well-known\/oauth-authorization-server\/as\/[^/?#]+)(?:[?#]|$)/;

/**
 * Whether the request-target `rawUrl` (`/as/demo/token?x=1`) is one that a route file of app/ mounts
 * from lib/server-router.ts's handlers: everything else (pages, assets, an unknown endpoint's branded
 * 404, a trailing slash that Next.js redirects with a 308) stays with Next.js, as under `npm run dev`.
 */
export function isServerPath(rawUrl: string | undefined): boolean {
  if (rawUrl === undefined) return false;
  const endpoint = REALM_PATH.exec(rawUrl);
  // `oauth-authorization-server` is the table's name for RFC 8414's location, which has no route under /as/{realm}/.
  if (endpoint)
    return endpoint[2] !== 'oauth-authorization-server' && Object.hasOwn(endpoint[1] === 'as' ? asRoutes : rsRoutes, endpoint[2]);
  return OTHER_SERVER_PATH.test(rawUrl);
}

export interface FrontServerOptions {
  /** `http://host:port`: the base of request URLs, as Next.js builds them from its configured hostname and port. */
  origin: string;
  /** The peer header's name and the proxies to believe: scripts/serve.mjs's own, so that one process has one of each. */
  peer: PeerStamp;
}

/**
 * `npm start`'s answer to a server path without Next.js: the route handlers of app/as, app/rs, … are
 * one-line mounts of the same framework-free handlers, so scripts/serve.mjs hands these requests to
 * them through lib/server-router.ts on plain node:http (what flowlab-mock does), with the site-wide
 * headers Next.js adds from next.config.ts. Next.js then costs the machine-facing endpoints nothing:
 * its route handler wrapping (web streams, tracing, async context) was four fifths of a token request.
 *
 * This module is compiled to dist/app/front.mjs (scripts/build-mock.mjs) and holds the servers' only
 * state in the process: the pages of the production build never read it (they are client components
 * that call these endpoints), and their route handlers are not reached. `npm run dev` keeps every
 * request in Next.js, for fast refresh.
 */
export function createFrontServer(options: FrontServerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  answerWithTextAnswers();
  const { origin, peer } = options;
  return (req, res) =>
    serveNodeRequest(handleServerRequest, req, res, {
      origin,
      peer,
      maxBodyBytes: FRONT_MAX_BODY_BYTES,
      defaultHeaders: siteHeaders,
    });
}

/**
 * Twice the largest endpoint limit (the AS forms' 64 KiB; 4 and 16 KiB elsewhere), so that each endpoint
 * still gives its own error, as under Next.js; past it the body is not buffered (413 JSON).
 */
export const FRONT_MAX_BODY_BYTES = 2 * MAX_FORM_BYTES;
