import { readLimitedText } from '../http/read-limited';
import type { Realm } from '../realms/types';
import { refuseFormBodyToken } from './bearer-token';
import { bearerError } from './rs-errors';

/** The RS accepts only tiny JSON bodies: a photo title. */
export const MAX_BODY_BYTES = 4 * 1024;

export interface SmallBody {
  type: string;
  text: string;
}

/**
 * Reads a body of at most {@link MAX_BODY_BYTES}. A form-encoded body is looked at only to tell
 * a caller that put `access_token` there (RFC 6750 §2.2) why it is refused — before the
 * token check, so such a caller hears the reason rather than a bare 401.
 */
export async function readSmallBody(request: Request, realm: Realm): Promise<SmallBody> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const text = await readLimitedText(request, MAX_BODY_BYTES, {
    tooLarge: () => bearerError(realm, 'invalid_request', `The request body is larger than ${MAX_BODY_BYTES} bytes.`),
    notUtf8: () => bearerError(realm, 'invalid_request', 'The request body is not valid UTF-8.'),
  });
  if (type === 'application/x-www-form-urlencoded' && new URLSearchParams(text).has('access_token')) refuseFormBodyToken(realm);
  return { type, text };
}

/** Parses a body read by {@link readSmallBody} as one JSON object. */
export function parseJsonObject(body: SmallBody, realm: Realm): Record<string, unknown> {
  if (body.type !== 'application/json') throw bearerError(realm, 'invalid_request', 'The request body must be application/json.');
  let value: unknown;
  try {
    value = JSON.parse(body.text);
  } catch {
    throw bearerError(realm, 'invalid_request', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw bearerError(realm, 'invalid_request', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}
