import { describe, expect, it } from 'vitest';
import { knownResponseText, TextAnswer } from './response-text';

/** Both shapes made from the same arguments: what a caller reads must be the same. */
function pair(text: string, init: ResponseInit) {
  return [new Response(text, init), new TextAnswer(text, init)] as const;
}

const cases: [string, string, ResponseInit][] = [
  [
    'JSON with a record',
    '{"error":"invalid_token"}',
    { status: 401, headers: { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer realm="demo"' } },
  ],
  ['no content type given', 'plain words', { status: 200 }],
  ['a Headers object', '{}', { status: 503, headers: new Headers({ 'retry-after': '30', 'cache-control': 'no-store' }) }],
  [
    'header pairs',
    '{}',
    {
      status: 400,
      headers: [
        ['X-A', '1'],
        ['x-a', '2'],
      ],
    },
  ],
  ['two spellings of one name', '{}', { headers: { 'Cache-Control': 'no-store', 'cache-control': 'private' } }],
  ['values with outer spaces', 'é ✓', { headers: { 'X-Note': '  padded  ' } }],
  ['outer tabs, and a no-break space that is not HTTP whitespace', '{}', { headers: { 'X-Note': '\tkept\u00a0\t' } }],
  ['a cookie', '{}', { headers: { 'Set-Cookie': 'a=1; Path=/' } }],
];

const entries = (each: (fn: (v: string, n: string) => void) => void) => {
  const out: [string, string][] = [];
  each((v, n) => out.push([n, v]));
  return out.sort(([a], [b]) => a.localeCompare(b));
};

describe('TextAnswer reads as the Response it stands for', () => {
  it.each(cases)('%s: status, ok, headers and body', async (_, text, init) => {
    const [response, answer] = pair(text, init);
    expect([answer.status, answer.statusText, answer.ok, answer.type, answer.redirected]).toEqual([
      response.status,
      response.statusText,
      response.ok,
      response.type,
      response.redirected,
    ]);
    expect([...answer.headers]).toEqual([...response.headers]);
    expect(answer.setCookies()).toEqual(response.headers.getSetCookie());
    expect(await answer.text()).toBe(await response.text());
    expect(answer.bodyUsed).toBe(true);
  });

  it.each(cases)('%s: forEachHeader gives what headers.forEach gives, before and after headers is read', (_, text, init) => {
    const [response] = pair(text, init);
    const expected = entries((fn) => response.headers.forEach(fn));
    expect(entries((fn) => new TextAnswer(text, init).forEachHeader(fn))).toEqual(expected);
    const read = new TextAnswer(text, init);
    void read.headers.get('x');
    expect(entries((fn) => read.forEachHeader(fn))).toEqual(expected);
  });

  it('forEachHeader follows changes made through headers', () => {
    const answer = new TextAnswer('{}', { headers: { 'Content-Type': 'application/json' } });
    answer.headers.set('X-Frame-Options', 'DENY');
    expect(entries((fn) => answer.forEachHeader(fn))).toContainEqual(['x-frame-options', 'DENY']);
  });

  it('reads as JSON, bytes and a stream, once', async () => {
    const body = JSON.stringify({ owner: 'alice', title: 'Café ☕' });
    expect(await new TextAnswer(body).json()).toEqual(JSON.parse(body));
    expect(new Uint8Array(await new TextAnswer(body).arrayBuffer())).toEqual(new Uint8Array(await new Response(body).arrayBuffer()));
    expect(await new TextAnswer(body).bytes()).toEqual(new TextEncoder().encode(body));
    expect(await new Response(new TextAnswer(body).body).text()).toBe(body);
    const blob = await new TextAnswer(body, { headers: { 'content-type': 'application/json' } }).blob();
    expect([blob.type, await blob.text()]).toEqual(['application/json', body]);
    const once = new TextAnswer(body);
    await once.text();
    await expect(once.json()).rejects.toThrow(TypeError);
    await expect(new Response(body).text().then(() => 'read')).resolves.toBe('read');
  });

  it('a body taken as a stream is used once read, as a Response body is', async () => {
    const answer = new TextAnswer('abc');
    const reader = answer.body.getReader();
    expect(answer.bodyUsed).toBe(true);
    await reader.read();
    await expect(answer.text()).rejects.toThrow(TypeError);
  });

  it('clone is a second, independent answer', async () => {
    const answer = new TextAnswer('{"a":1}', { status: 201, headers: { 'x-a': '1' } });
    const copy = answer.clone();
    copy.headers.set('x-a', '2');
    expect([await answer.text(), answer.headers.get('x-a'), await copy.text(), copy.headers.get('x-a'), copy.status]).toEqual([
      '{"a":1}',
      '1',
      '{"a":1}',
      '2',
      201,
    ]);
    expect(() => answer.clone()).toThrow(TypeError);
  });

  it('refuses what new Response refuses: a status outside 200–599, a body on 204', () => {
    for (const init of [{ status: 199 }, { status: 600 }, { status: 204 }, { status: 2.5 }]) {
      expect(() => new Response('x', init)).toThrow();
      expect(() => new TextAnswer('x', init)).toThrow();
    }
    expect(new TextAnswer('', { status: 204 }).status).toBe(204);
  });
});

describe('knownResponseText', () => {
  it('gives a TextAnswer’s text until its body is read', async () => {
    const answer = new TextAnswer('{"x":1}') as unknown as Response;
    expect(knownResponseText(answer)).toBe('{"x":1}');
    await answer.text();
    expect(knownResponseText(answer)).toBeUndefined();
  });

  it('knows nothing of a Response it did not make', () => {
    expect(knownResponseText(new Response('x'))).toBeUndefined();
  });
});
