/**
 * The servers' text answers (JSON, errors). Inside Next.js each is a web `Response`. flowlab-mock's
 * node:http writer (lib/mock-server/http-server.ts) sends their text as it is, so it switches to
 * {@link TextAnswer}s ({@link answerWithTextAnswers}): the same status,
 * headers and body through the members the handlers, the writer and the tests read, without the
 * `Response`'s body stream, its `Headers` and their WebIDL conversions, which `perf` put at ~12 % of
 * the event loop's time in an RS call (`npm run bench -- servers`, rs-cold).
 */
/** Set once per process by the plain node:http server; Next.js never sets it. */
let answers = false;

/** From now on {@link textResponse} makes {@link TextAnswer}s (flowlab-mock's server calls this as it starts). */
export function answerWithTextAnswers(): void {
  answers = true;
}

export function textResponse(text: string, init: ResponseInit): Response {
  // A TextAnswer has every member of a Response that these servers and their callers read (tested beside it).
  return answers ? (new TextAnswer(text, init) as unknown as Response) : new Response(text, init);
}

/** The text of a {@link TextAnswer} while its body is still unread; undefined for anything else (read it as a Response). */
export function knownResponseText(response: Response): string | undefined {
  return response instanceof TextAnswer ? response.known : undefined;
}

/** An RFC 9110 §5.1 field name (a token). */
const FIELD_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Fetch's "normalize" of a header value: leading and trailing HTTP whitespace (tab, LF, CR, space) only, unlike trim(). */
const HTTP_WHITESPACE_AROUND = /^[\t\n\r ]+|[\t\n\r ]+$/g;
/** What Fetch refuses inside a header value (NUL, CR, LF), and what a ByteString cannot hold (above U+00FF). */
const invalidValue = (v: string) => v.includes('\0') || v.includes('\r') || v.includes('\n') || /[\u0100-\uffff]/.test(v);

/**
 * The part of `Headers` that answers are read and changed through, on a Map: names compared in
 * lower case, values normalized and validated as Fetch does (a bad name or value throws a
 * TypeError, as `Headers` does), repeated fields joined with ", " except Set-Cookie, and the
 * fields iterated sorted by name. Several times cheaper to build than `Headers`, which runs WebIDL
 * conversions on every name and value.
 */
class AnswerHeaders {
  readonly #fields = new Map<string, string[]>();

  constructor(init?: HeadersInit) {
    if (init === undefined || init === null) return;
    // Pairs, a Map, Headers or AnswerHeaders (whose iterators give each Set-Cookie field on its own), or a record.
    if (typeof (init as unknown as Iterable<unknown>)[Symbol.iterator] === 'function') {
      for (const pair of init as unknown as Iterable<readonly string[]>) {
        if (pair.length !== 2) throw new TypeError('A header pair must have exactly a name and a value.');
        this.append(pair[0], pair[1]);
      }
    } else {
      const record = init as Record<string, string>;
      for (const name of Object.keys(record)) this.append(name, record[name]);
    }
  }

  static #name(name: string): string {
    const text = String(name);
    if (!FIELD_NAME.test(text)) throw new TypeError(`Invalid header name: "${text.slice(0, 40)}"`);
    return text.toLowerCase();
  }

  static #value(value: string): string {
    const text = String(value).replace(HTTP_WHITESPACE_AROUND, '');
    if (invalidValue(text)) throw new TypeError('Invalid header value.');
    return text;
  }

  append(name: string, value: string): void {
    const key = AnswerHeaders.#name(name);
    const values = this.#fields.get(key);
    if (values) values.push(AnswerHeaders.#value(value));
    else this.#fields.set(key, [AnswerHeaders.#value(value)]);
  }

  set(name: string, value: string): void {
    this.#fields.set(AnswerHeaders.#name(name), [AnswerHeaders.#value(value)]);
  }

  delete(name: string): void {
    this.#fields.delete(AnswerHeaders.#name(name));
  }

  has(name: string): boolean {
    return this.#fields.has(AnswerHeaders.#name(name));
  }

  get(name: string): string | null {
    return this.#fields.get(AnswerHeaders.#name(name))?.join(', ') ?? null;
  }

  getSetCookie(): string[] {
    return [...(this.#fields.get('set-cookie') ?? [])];
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of [...this.#fields.keys()].sort()) {
      const values = this.#fields.get(name)!;
      if (name === 'set-cookie') for (const v of values) yield [name, v];
      else yield [name, values.join(', ')];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  forEach(fn: (value: string, name: string, parent: AnswerHeaders) => void, thisArg?: unknown): void {
    for (const [name, value] of this.entries()) fn.call(thisArg, value, name, this);
  }
}

/** Statuses whose response has no body (Fetch, "null body status"). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A text answer in a Response's shape: `status`, `statusText`, `ok`, `headers`, and a body read
 * once as text, JSON, bytes or a blob. Its `body` stream, when asked for, is a real Response's,
 * which then also answers every later read, so the stream and the readers agree on what is used.
 */
export class TextAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly type = 'default';
  readonly redirected = false;
  readonly url = '';
  readonly headers: Headers;
  #text: string;
  #used = false;
  #backing: Response | undefined;

  constructor(text: string, init: ResponseInit = {}) {
    const status = init.status ?? 200;
    if (!Number.isInteger(status) || status < 200 || status > 599) throw new RangeError(`status ${status} is outside 200–599`);
    // As `new Response`: a text body, even an empty one, is not allowed with a null-body status.
    if (NULL_BODY.has(status)) throw new TypeError(`a ${status} response has no body`);
    this.status = status;
    this.statusText = init.statusText ?? '';
    this.#text = text;
    const headers = new AnswerHeaders(init.headers);
    // A string body gets this type when none is given (Fetch, "extract a body").
    if (!headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
    this.headers = headers as unknown as Headers;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  /** The body text, for a writer that sends it itself; undefined once the body was read or its stream taken. */
  get known(): string | undefined {
    return this.#used || this.#backing ? undefined : this.#text;
  }

  get bodyUsed(): boolean {
    return this.#backing ? this.#backing.bodyUsed : this.#used;
  }

  get body(): ReadableStream<Uint8Array> {
    if (this.#used && !this.#backing) {
      // As a read Response's stream: locked by the read, so no one else can take a reader.
      const spent = new ReadableStream<Uint8Array>();
      spent.getReader();
      return spent;
    }
    this.#backing ??= new Response(this.#text);
    return this.#backing.body!;
  }

  #take(): string {
    if (this.#used) throw new TypeError('Body has already been consumed.');
    this.#used = true;
    return this.#text;
  }

  async text(): Promise<string> {
    return this.#backing ? this.#backing.text() : this.#take();
  }

  async json(): Promise<unknown> {
    return this.#backing ? this.#backing.json() : JSON.parse(this.#take());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#backing) return this.#backing.arrayBuffer();
    const bytes = new TextEncoder().encode(this.#take());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.arrayBuffer());
  }

  async blob(): Promise<Blob> {
    return new Blob([await this.arrayBuffer()], { type: this.headers.get('content-type') ?? '' });
  }

  clone(): TextAnswer {
    if (this.bodyUsed) throw new TypeError('Body has already been consumed.');
    if (this.#backing) throw new TypeError('A TextAnswer whose stream was taken is not cloned (no caller needs it).');
    return new TextAnswer(this.#text, { status: this.status, statusText: this.statusText, headers: this.headers });
  }
}
