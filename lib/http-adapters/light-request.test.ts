import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { installPeerHeaderName } from '../http/peer-header.mjs';
import { readLimitedText } from '../http/read-limited';
import { BodyTooLarge, toLightRequest, toWebRequest, type PeerStamp } from './node-http';

const peer: PeerStamp = { name: installPeerHeaderName(), trustedHops: 0 };

/**
 * Just what the adapter reads of an IncomingMessage: method, url, headers as Node parsed them, the raw pairs, the socket
 * address, and the body as a stream of `chunks`.
 */
function incoming(method: string, url: string, raw: string[], remoteAddress = '127.0.0.1', chunks: string[] = []): IncomingMessage {
  const headers: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) headers[raw[i].toLowerCase()] ??= raw[i + 1];
  return Object.assign(Readable.from(chunks.map((c) => Buffer.from(c))), {
    method,
    url,
    headers,
    rawHeaders: raw,
    socket: { remoteAddress },
  }) as unknown as IncomingMessage;
}

const RAW = [
  'Host',
  '127.0.0.1:3000',
  'Authorization',
  'Bearer a',
  'authorization',
  'Bearer b',
  peer.name,
  'forged',
  'X-Forwarded-For',
  '203.0.113.9',
];

const light = async (msg: IncomingMessage, origin?: string) => (await toLightRequest(msg, 1024, origin, peer))!;
const FORM = 'grant_type=client_credentials&scope=photos%3Aread';
const limits = { tooLarge: () => new Error('too large'), notUtf8: () => new Error('not UTF-8') };

describe('the light request for a machine-facing endpoint', () => {
  it('carries the same method, URL and headers as the web Request the adapter would build', async () => {
    for (const [method, url] of [
      ['GET', '/rs/demo/photos'],
      ['GET', '/rs/demo/photos?access_token=x'],
      ['GET', '/rs/d%65mo/../demo/profile#frag'],
      ['POST', '/as/demo/token'],
      ['POST', '/as/demo/introspect?x=1'],
      ['GET', '/as/demo/.well-known/openid-configuration'],
    ]) {
      const lightOne = await light(incoming(method, url, RAW));
      const web = await toWebRequest(incoming(method, url, RAW), 1024, undefined, peer);
      expect(lightOne.method).toBe(web.method);
      expect(lightOne.url).toBe(web.url);
      expect([...lightOne.headers]).toEqual([...web.headers]);
    }
  });

  it('joins a repeated Authorization header as a Request does, so two credentials are still seen as two', async () => {
    expect((await light(incoming('GET', '/rs/demo/photos', RAW))).headers.get('authorization')).toBe('Bearer a, Bearer b');
  });

  it('drops a client-sent internal header and stamps the socket address instead', async () => {
    expect((await light(incoming('GET', '/rs/demo/photos', RAW, '10.0.0.7'))).headers.get(peer.name)).toBe('10.0.0.7');
  });

  it('uses the pinned origin when one is given', async () => {
    expect((await light(incoming('GET', '/rs/demo/photos', RAW), 'http://mock.test:9000')).url).toBe(
      'http://mock.test:9000/rs/demo/photos',
    );
  });

  it('reads as an empty body without one, as a bodiless Request does', async () => {
    const lightOne = await light(incoming('HEAD', '/rs/demo/photos', RAW));
    expect(lightOne.body).toBeNull();
    expect(lightOne.bodyUsed).toBe(false);
    expect(await lightOne.text()).toBe('');
    expect(await readLimitedText(await light(incoming('POST', '/as/demo/token', RAW)), 100, limits)).toBe('');
    await expect((await light(incoming('HEAD', '/rs/demo/photos', RAW))).json()).rejects.toBeInstanceOf(SyntaxError);
    const web = await toWebRequest(incoming('HEAD', '/rs/demo/photos', RAW), 1024, undefined, peer);
    await expect(web.json()).rejects.toBeInstanceOf(SyntaxError);
  });

  it('gives its buffered body to readLimitedText, whole when it came in several chunks, and the limit still holds', async () => {
    const chunks = [FORM.slice(0, 10), FORM.slice(10)];
    expect(await readLimitedText(await light(incoming('POST', '/as/demo/token', RAW, '127.0.0.1', chunks)), 1024, limits)).toBe(FORM);
    await expect(readLimitedText(await light(incoming('POST', '/as/demo/token', RAW, '127.0.0.1', [FORM])), 10, limits)).rejects.toThrow(
      'too large',
    );
    await expect(
      toLightRequest(incoming('POST', '/as/demo/token', RAW, '127.0.0.1', ['x'.repeat(2000)]), 1024, undefined, peer),
    ).rejects.toBeInstanceOf(BodyTooLarge);
  });

  it('reads its body the web way too, once, as a Request does', async () => {
    const lightOne = await light(incoming('POST', '/as/demo/revoke', RAW, '127.0.0.1', [FORM]));
    expect(lightOne.bodyUsed).toBe(false);
    expect(lightOne.body).not.toBeNull();
    expect(await lightOne.text()).toBe(FORM);
    expect(lightOne.bodyUsed).toBe(true);
    await expect(lightOne.text()).rejects.toBeInstanceOf(TypeError);
    const json = await light(incoming('POST', '/rs/demo/photos', RAW, '127.0.0.1', ['{"title":"x"}']));
    expect(await json.json()).toEqual({ title: 'x' });
  });

  it('is not used for the AS pages, /api/…, the attacker site, or a Host with credentials (a Request refuses those)', async () => {
    for (const url of ['/as/demo/authorize?x', '/as/demo/login', '/as/demo/device', '/api/realms', '/attacker/x/log', '/as/demo/tokens']) {
      expect(await toLightRequest(incoming('POST', url, RAW), 1024, undefined, peer)).toBeUndefined();
    }
    const withCredentials = () => incoming('GET', '/rs/demo/photos', ['Host', 'user:pw@127.0.0.1']);
    expect(await toLightRequest(withCredentials(), 1024, undefined, peer)).toBeUndefined();
    await expect(toWebRequest(withCredentials(), 1024, undefined, peer)).rejects.toThrow(TypeError);
  });
});
