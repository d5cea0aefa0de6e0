import { readLimitedText } from '../http/read-limited';
import { invalidRequest, OAuthError } from './errors';

/** Bodies above this are refused before parsing: no OAuth request needs more. */
export const MAX_FORM_BYTES = 64 * 1024;

/**
 * Reads an `application/x-www-form-urlencoded` body (RFC 6749 §3.2 / §4.1.3) into a map,
 * refusing what the spec refuses: another content type, a huge body, and any parameter
 * sent more than once (RFC 6749 §3.1: "MUST NOT be included more than once").
 */
export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<Map<string, string>> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw invalidRequest('The request body must be application/x-www-form-urlencoded (RFC 6749 §3.2).');
  }
  const text = await readLimitedText(request, maxBytes, {
    tooLarge: () => invalidRequest(`The request body is larger than ${maxBytes} bytes.`),
    notUtf8: () => invalidRequest('The request body is not valid UTF-8.'),
  });
  return paramsToMap(new URLSearchParams(text));
}

/**
 * {@link readForm} for the AS's own HTML forms (sign-in, consent, device code): a person pressed the button, so a
 * body refused (too large, not a form, a field twice) is answered by `refused(reason)`, a page they can read and
 * go back from, never the token endpoint's JSON.
 */
export async function readPageForm(request: Request, refused: (reason: string) => Response): Promise<Map<string, string> | Response> {
  try {
    return await readForm(request);
  } catch (err) {
    if (err instanceof OAuthError) return refused(err.message);
    throw err;
  }
}

/** The longest value the AS's own form fields accept (`maxlength`): no username, password or user code is longer. */
export const MAX_FIELD_LENGTH = 256;

/** Query parameters of the authorization request, with the same repeated-parameter rule. */
export function readQuery(url: URL): Map<string, string> {
  if (url.search.length > MAX_FORM_BYTES) throw invalidRequest('The query string is too long.');
  return paramsToMap(url.searchParams);
}

export function paramsToMap(params: URLSearchParams): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of params) {
    if (map.has(name)) throw invalidRequest(`The parameter "${truncate(name)}" is included more than once (RFC 6749 §3.1).`);
    map.set(name, value);
  }
  return map;
}

/** Keeps attacker-controlled text short when echoed in an error description. */
export function truncate(text: string, max = 40): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
