/**
 * The text body of a Response this server made, remembered beside it, so a plain node:http writer
 * (lib/mock-server/http-server.ts) can send it without reading it back through the Response's
 * web stream — a measurable share of an RS call (profile: `npm run bench -- servers`). The body is
 * the same either way; Next.js reads the stream as usual.
 */
const texts = new WeakMap<Response, string>();

export function textResponse(text: string, init: ResponseInit): Response {
  const response = new Response(text, init);
  texts.set(response, text);
  return response;
}

/** The text a {@link textResponse} was made with, while its body is still unread; else undefined. */
export function knownResponseText(response: Response): string | undefined {
  return response.bodyUsed ? undefined : texts.get(response);
}
