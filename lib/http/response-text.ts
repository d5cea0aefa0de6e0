/**
 * The servers' text answers (JSON, errors). Inside Next.js each is a web `Response`, with its text
 * remembered beside it. flowlab-mock's node:http writer (lib/mock-server/http-server.ts) sends that
 * text as it is, so it switches to {@link TextAnswer}s ({@link answerWithTextAnswers}): the same status,
 * headers and body through the members the handlers, the writer and the tests read, without the
 * `Response`'s body stream and WebIDL conversions, which `perf` put at ~12 % of the event loop's
 * time in an RS call (`npm run bench -- servers`, rs-cold).
 */
const texts = new WeakMap<Response, string>();

/** Set once per process by the plain node:http server; Next.js never sets it. */
let answers = false;

/** From now on {@link textResponse} makes {@link TextAnswer}s (flowlab-mock's server calls this as it starts). */
export function answerWithTextAnswers(): void {
  answers = true;
}

export function textResponse(text: string, init: ResponseInit): Response {
  // A TextAnswer has every member of a Response that these servers and their callers read (tested beside it).
  if (answers) return new TextAnswer(text, init) as unknown as Response;
  const response = new Response(text, init);
  texts.set(response, text);
  return response;
}

/** The text a {@link textResponse} was made with, while its body is still unread; else undefined. */
export function knownResponseText(response: Response): string | undefined {
  if (response instanceof TextAnswer) return response.bodyUsed ? undefined : response.known;
  return response.bodyUsed ? undefined : texts.get(response);
}

/**
 * A text answer in a Response's shape: `status`, `statusText`, `ok`, `headers` (a real `Headers`
 * for lookups and changes, built only when first read), and a body read once as text, JSON or
 * bytes, or as a stream made when first asked for, as a Response's would be.
 */
export class TextAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly type = 'default';
  readonly redirected = false;
  readonly url = '';
  #init: HeadersInit | undefined;
  #headers: Headers | undefined;
  #text: string;
  #used = false;
  #stream: ReadableStream<Uint8Array> | undefined;

  constructor(text: string, init: ResponseInit = {}) {
    const status = init.status ?? 200;
    if (!Number.isInteger(status) || status < 200 || status > 599) throw new RangeError(`status ${status} is outside 200–599`);
    // As `new Response`: a null-body status takes no body (Fetch, "initialize a response").
    if (text !== '' && (status === 204 || status === 205 || status === 304)) throw new TypeError(`a ${status} response has no body`);
    this.status = status;
    this.statusText = init.statusText ?? '';
    this.#text = text;
    this.#init = init.headers;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get headers(): Headers {
    if (!this.#headers) {
      this.#headers = new Headers(this.#init);
      // A string body gets this type when none is given (Fetch, "extract a body").
      if (!this.#headers.has('content-type')) this.#headers.set('content-type', 'text/plain;charset=UTF-8');
    }
    return this.#headers;
  }

  /**
   * Each header, name in lower case, as `headers.forEach` gives them: from the init record itself
   * while nothing has read or changed `headers` (the node:http writer's path); else from `headers`.
   */
  forEachHeader(fn: (value: string, name: string) => void): void {
    const init = this.#init;
    if (this.#headers || !isRecord(init)) return this.headers.forEach(fn);
    const fields = new Map<string, string>();
    for (const name in init) {
      const lower = name.toLowerCase();
      // Two spellings of one name are one field, combined, and Set-Cookie has its own rules: leave those to Headers.
      if (fields.has(lower) || lower === 'set-cookie') return this.headers.forEach(fn);
      fields.set(lower, String(init[name]).replace(HTTP_WHITESPACE_AROUND, ''));
    }
    if (!fields.has('content-type')) fields.set('content-type', 'text/plain;charset=UTF-8');
    fields.forEach(fn);
  }

  /** `headers.getSetCookie()`; none without building `headers`, since the init record then has none (see forEachHeader). */
  setCookies(): string[] {
    return this.#headers ? this.#headers.getSetCookie() : [];
  }

  /** The body text, for a writer that sends it itself; undefined once the body was read. */
  get known(): string | undefined {
    return this.#used ? undefined : this.#text;
  }

  get bodyUsed(): boolean {
    return this.#used || (this.#stream?.locked ?? false);
  }

  get body(): ReadableStream<Uint8Array> {
    this.#stream ??= new Response(this.#text).body!;
    return this.#stream;
  }

  #take(): string {
    if (this.bodyUsed) throw new TypeError('Body has already been consumed.');
    this.#used = true;
    return this.#text;
  }

  async text(): Promise<string> {
    return this.#take();
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.#take());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = new TextEncoder().encode(this.#take());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async bytes(): Promise<Uint8Array> {
    return new TextEncoder().encode(this.#take());
  }

  async blob(): Promise<Blob> {
    return new Blob([this.#take()], { type: this.headers.get('content-type') ?? '' });
  }

  clone(): TextAnswer {
    if (this.bodyUsed) throw new TypeError('Body has already been consumed.');
    return new TextAnswer(this.#text, { status: this.status, statusText: this.statusText, headers: new Headers(this.headers) });
  }
}

/** Fetch's "normalize" of a header value: leading and trailing HTTP whitespace (tab, LF, CR, space) only, unlike trim(). */
const HTTP_WHITESPACE_AROUND = /^[\t\n\r ]+|[\t\n\r ]+$/g;

function isRecord(init: HeadersInit | undefined): init is Record<string, string> {
  return typeof init === 'object' && init !== null && !Array.isArray(init) && !(init instanceof Headers);
}
