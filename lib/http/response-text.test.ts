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
    expect(answer.headers.getSetCookie()).toEqual(response.headers.getSetCookie());
    for (const name of ['content-type', 'Cache-Control', 'x-a', 'set-cookie', 'absent'])
      expect([answer.headers.get(name), answer.headers.has(name)]).toEqual([response.headers.get(name), response.headers.has(name)]);
    expect(await answer.text()).toBe(await response.text());
    expect(answer.bodyUsed).toBe(true);
  });

  it.each(cases)('%s: forEach gives what Headers gives, and set, append and delete change both alike', (_, text, init) => {
    const [response, answer] = pair(text, init);
    expect(entries((fn) => answer.headers.forEach(fn))).toEqual(entries((fn) => response.headers.forEach(fn)));
    for (const h of [response.headers, answer.headers]) {
      h.set('X-Frame-Options', 'DENY');
      h.append('Vary', 'Origin');
      h.append('vary', 'Accept');
      h.append('Set-Cookie', 'b=2');
      h.delete('cache-control');
    }
    expect([...answer.headers]).toEqual([...response.headers]);
    expect(answer.headers.getSetCookie()).toEqual(response.headers.getSetCookie());
  });

  it('refuses the header names and values Headers refuses', () => {
    for (const [name, value] of [
      ['Bad Name', 'x'],
      ['x-a', 'line\r\nInjected: 1'],
      ['x-a', 'nul\0'],
      ['x-a', 'snowman ☃'],
      ['', 'x'],
    ]) {
      expect(() => new Headers({ [name]: value })).toThrow(TypeError);
      expect(() => new TextAnswer('{}', { headers: { [name]: value } })).toThrow(TypeError);
      expect(() => new TextAnswer('{}').headers.set(name, value)).toThrow(TypeError);
    }
  });

  it('reads its headers once, when it is made, as Response does', () => {
    const init: Record<string, string> = { 'x-a': '1' };
    const [response, answer] = pair('{}', { headers: init });
    init['x-b'] = '2';
    expect([answer.headers.get('x-b'), response.headers.get('x-b')]).toEqual([null, null]);
  });

  it('takes headers from a Map as Headers does, and ignores inherited keys of a record', () => {
    const map = new Map([['X-A', '1']]);
    expect([...new TextAnswer('{}', { headers: map as unknown as HeadersInit }).headers]).toEqual([
      ...new Response('{}', { headers: map as unknown as HeadersInit }).headers,
    ]);
    const record = Object.create({ inherited: 'no' }) as Record<string, string>;
    record.own = 'yes';
    expect([...new TextAnswer('{}', { headers: record }).headers]).toEqual([...new Response('{}', { headers: record }).headers]);
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
    const [response, answer] = pair('abc', {});
    const readers = [response.body!.getReader(), answer.body.getReader()];
    expect([answer.bodyUsed, answer.body.locked]).toEqual([response.bodyUsed, response.body!.locked]);
    await Promise.all(readers.map((r) => r.read()));
    expect(answer.bodyUsed).toBe(response.bodyUsed);
    await expect(answer.text()).rejects.toThrow(TypeError);
    expect(knownResponseText(answer as unknown as Response)).toBeUndefined();
  });

  it('the stream of a body already read cannot be read, as a Response’s', async () => {
    const [response, answer] = pair('abc', {});
    await Promise.all([response.text(), answer.text()]);
    expect(() => response.body!.getReader()).toThrow(TypeError);
    expect(() => answer.body.getReader()).toThrow(TypeError);
    expect([answer.bodyUsed, answer.body.locked]).toEqual([response.bodyUsed, response.body!.locked]);
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

  it('refuses what new Response refuses: a status outside 200–599, a text body, even empty, on 204 or 304', () => {
    for (const init of [{ status: 199 }, { status: 600 }, { status: 204 }, { status: 304 }, { status: 2.5 }]) {
      for (const text of ['x', '']) {
        expect(() => new Response(text, init)).toThrow();
        expect(() => new TextAnswer(text, init)).toThrow();
      }
    }
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
