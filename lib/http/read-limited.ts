import { takeRequestBody } from './request-body';

/**
 * Reads a request body of at most `maxBytes` as UTF-8, stopping as soon as the limit is passed (a
 * client that streams without `Content-Length` cannot make the server buffer more). Each caller
 * says which error to throw, so every endpoint keeps its own RFC-shaped refusal.
 */
export async function readLimitedText(
  request: Request,
  maxBytes: number,
  errors: { tooLarge: () => Error; notUtf8: () => Error },
): Promise<string> {
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) throw errors.tooLarge();
  const known = takeRequestBody(request);
  if (known !== undefined) {
    if (known.byteLength > maxBytes) throw errors.tooLarge();
    return decodeUtf8(known, errors);
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw errors.tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decodeUtf8(bytes, errors);
}

/** One decoder for every call: `decode` without `stream` keeps no state between calls. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array, errors: { notUtf8: () => Error }): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw errors.notUtf8();
  }
}
