import type { Realm } from '../realms/types';
import { addPhoto, listPhotos } from './photo-store';
import { parseJsonObject, readSmallBody } from './read-json';
import { jsonResponse, requireToken } from './require-token';
import { bearerError, methodNotAllowed } from './rs-errors';

export const MAX_TITLE_LENGTH = 100;

/**
 * `GET /rs/{realm}/photos` (scope `photos:read`) lists the caller's photos;
 * `POST` (scope `photos:write`) with `{ "title": "…" }` adds one and answers 201.
 * The caller is the token's `sub` (a user, or the client itself for client_credentials).
 */
export async function photosEndpoint(request: Request, realm: Realm): Promise<Response> {
  if (request.method === 'GET') {
    const check = await requireToken(request, realm, 'photos:read');
    if (!check.ok) return check.response;
    return jsonResponse({ owner: check.token.sub, photos: await listPhotos(realm, check.token.sub) }, 200, check.token.report);
  }
  if (request.method === 'POST') {
    const body = await readSmallBody(request, realm);
    const check = await requireToken(request, realm, 'photos:write');
    if (!check.ok) return check.response;
    const title = readTitle(parseJsonObject(body, realm), realm);
    return jsonResponse(await addPhoto(realm, check.token.sub, title), 201, check.token.report);
  }
  throw methodNotAllowed(request.method, ['GET', 'POST']);
}

function readTitle(input: Record<string, unknown>, realm: Realm): string {
  const extra = Object.keys(input).filter((k) => k !== 'title');
  if (extra.length) throw bearerError(realm, 'invalid_request', `Unknown field "${extra[0].slice(0, 30)}": send only { "title": "…" }.`);
  const { title } = input;
  if (typeof title !== 'string') throw bearerError(realm, 'invalid_request', 'The field "title" must be a string.');
  const clean = title.trim();
  if (!clean) throw bearerError(realm, 'invalid_request', 'The field "title" must not be empty.');
  if (clean.length > MAX_TITLE_LENGTH)
    throw bearerError(realm, 'invalid_request', `The field "title" is longer than ${MAX_TITLE_LENGTH} characters.`);
  if (/\p{Cc}/u.test(clean)) throw bearerError(realm, 'invalid_request', 'The field "title" must not contain control characters.');
  return clean;
}
