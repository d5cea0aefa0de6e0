import { randomInt } from 'node:crypto';
import { readLimitedText } from '../http/read-limited';
import { LAB_WEAK_SECRETS } from './weak-secrets';
import { OAuthError, invalidRequest } from '../oauth-server/errors';
import { jsonResponse, requireMethod } from '../oauth-server/http';
import { clientAddress } from '../oauth-server/session';
import { catalogueDocument, selectWeaknesses } from './catalogue';
import { DEMO_REALM_ID } from './demo';
import { DEFAULT_SETTINGS, type LabRealmRecord, type RealmSettings } from './lab-registry';
import { warmKeyPool } from './keys';
import { serverState } from './registry';
import { realmAt } from './descriptor';

/** DESIGN.md: a body over 16 KB is refused with 413. */
export const MAX_REALM_BODY_BYTES = 16 * 1024;
/** Realms one client (socket address) may create per minute. */
export const CREATIONS_PER_MINUTE = Number(process.env.FLOWLAB_REALM_CREATIONS_PER_MINUTE) || 120;

/** `GET /api/weaknesses` — the catalogue of named weaknesses. */
export async function weaknessesEndpoint(request: Request): Promise<Response> {
  requireMethod(request, ['GET']);
  return jsonResponse(catalogueDocument());
}

/** The realm document of DESIGN.md: `{ id, issuer, resource, weaknesses, expiresAt }` (+ settings). */
function realmDocument(origin: string, record: LabRealmRecord, expiresAt: number) {
  return { ...realmAt(origin, record.id, record.weaknesses), settings: record.settings, expiresAt };
}

/** `POST /api/realms` — creates a lab realm with the weaknesses named in the JSON body. */
export async function createRealmEndpoint(request: Request, origin: string): Promise<Response> {
  requireMethod(request, ['POST']);
  const body = await readJsonBody(request);
  const { weaknesses, settings } = parseRealmRequest(body);
  const selection = selectWeaknesses(weaknesses);
  if (!selection.ok) throw invalidRequest(selection.description);

  const s = serverState();
  // Count first, then check (two parallel requests cannot both slip under the limit); keyed on the socket address.
  const count = await s.store.increment(`global|rate:realm-create:${clientAddress(request)}`, 60);
  if (count > CREATIONS_PER_MINUTE)
    throw tooMany(`At most ${CREATIONS_PER_MINUTE} lab realms a minute may be created from one address.`, 60);

  const needsSecret = selection.weaknesses.some((w) => w.needsHmacSecret);
  const result = await s.labs.create({
    weaknesses: selection.weaknesses.map((w) => w.name),
    settings,
    hmacSecret: needsSecret ? weakSecret() : undefined,
  });
  if (!result.ok)
    throw tooMany(`The server already holds ${s.labs.cap} lab realms, none idle long enough to make room.`, result.retryAfter);
  // Its first request will take an RSA pair: keep some ready, made off the event loop.
  warmKeyPool();
  return jsonResponse(realmDocument(origin, result.record, s.labs.expiresAt(result.record)), 201, {
    Location: `${origin}/api/realms/${result.record.id}`,
  });
}

/** `GET|DELETE /api/realms/{id}`. `demo` is not a lab realm: it can be neither read here nor deleted. */
export async function realmEndpoint(request: Request, origin: string, id: string): Promise<Response> {
  requireMethod(request, ['GET', 'DELETE']);
  const s = serverState();
  if (id === DEMO_REALM_ID && request.method === 'DELETE') {
    throw new OAuthError('invalid_request', 'The demo realm cannot be deleted or weakened.', 403);
  }
  const record = await s.labs.peek(id);
  if (!record)
    throw new OAuthError(
      'invalid_request',
      'There is no live lab realm with this id (it may have expired after an hour without requests).',
      404,
    );
  if (request.method === 'DELETE') {
    await s.labs.delete(id);
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  }
  return jsonResponse(realmDocument(origin, record, s.labs.expiresAt(record)));
}

function tooMany(description: string, retryAfter: number): OAuthError {
  return new OAuthError('temporarily_unavailable', description, 429, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfter))) });
}

async function readJsonBody(request: Request): Promise<unknown> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw invalidRequest('The request body must be application/json.');
  const text = await readLimitedText(request, MAX_REALM_BODY_BYTES, {
    tooLarge: bodyTooLarge,
    notUtf8: () => invalidRequest('The request body is not valid UTF-8.'),
  });
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest('The request body is not valid JSON.');
  }
}

function bodyTooLarge(): OAuthError {
  return new OAuthError('invalid_request', `The request body is larger than ${MAX_REALM_BODY_BYTES / 1024} KB.`, 413);
}

function parseRealmRequest(body: unknown): { weaknesses: string[]; settings: RealmSettings } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalidRequest('The request body must be a JSON object: { "weaknesses": [...] }.');
  const input = body as Record<string, unknown>;
  const extra = Object.keys(input).filter((k) => k !== 'weaknesses' && k !== 'settings');
  if (extra.length) throw invalidRequest(`Unknown field "${extra[0].slice(0, 40)}": send { "weaknesses": [...], "settings"?: {...} }.`);
  const list = input.weaknesses ?? [];
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
    throw invalidRequest('"weaknesses" must be an array of weakness names (strings).');
  if (list.length > 64) throw invalidRequest('"weaknesses" names more weaknesses than the catalogue has.');
  return { weaknesses: list, settings: parseSettings(input.settings) };
}

const SETTINGS = ['accessTokenFormat', 'accessTokenLifetime', 'clockTolerance', 'resources'];
/** Bounds of the numeric settings, in seconds. */
export const SETTING_BOUNDS = { accessTokenLifetime: [1, 3600], clockTolerance: [0, 300] } as const;
const MAX_RESOURCES = 4;
const MAX_RESOURCE_LENGTH = 200;

function parseSettings(value: unknown): RealmSettings {
  if (value === undefined) return DEFAULT_SETTINGS;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidRequest('"settings" must be a JSON object.');
  const input = value as Record<string, unknown>;
  const extra = Object.keys(input).filter((k) => !SETTINGS.includes(k));
  if (extra.length) throw invalidRequest(`Unknown setting "${extra[0].slice(0, 40)}"; the settings are ${SETTINGS.join(', ')}.`);
  const format = input.accessTokenFormat ?? 'jwt';
  if (format !== 'jwt' && format !== 'opaque') throw invalidRequest('"settings.accessTokenFormat" must be "jwt" or "opaque".');
  const settings: RealmSettings = { accessTokenFormat: format };
  for (const name of ['accessTokenLifetime', 'clockTolerance'] as const) {
    const n = input[name];
    if (n === undefined) continue;
    const [min, max] = SETTING_BOUNDS[name];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max)
      throw invalidRequest(`"settings.${name}" must be a whole number of seconds from ${min} to ${max}.`);
    settings[name] = n;
  }
  if (input.resources !== undefined) settings.resources = parseResources(input.resources);
  return settings;
}

/** RFC 8707 §2: a resource indicator is an absolute URI without a fragment. */
function parseResources(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > MAX_RESOURCES)
    throw invalidRequest(`"settings.resources" must be an array of at most ${MAX_RESOURCES} absolute URIs.`);
  return value.map((r) => {
    const url = typeof r === 'string' && r.length <= MAX_RESOURCE_LENGTH && URL.canParse(r) ? new URL(r) : undefined;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || r.includes('#')) {
      throw invalidRequest(
        `Each of "settings.resources" must be an absolute http(s) URI without a fragment, at most ${MAX_RESOURCE_LENGTH} characters (RFC 8707 §2).`,
      );
    }
    return r as string;
  });
}

function weakSecret(): string {
  return LAB_WEAK_SECRETS[randomInt(LAB_WEAK_SECRETS.length)];
}
