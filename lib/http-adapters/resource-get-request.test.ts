import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { installPeerHeaderName } from '../http/peer-header.mjs';
import { toResourceGetRequest, toWebRequest, type PeerStamp } from './node-http';

const peer: PeerStamp = { name: installPeerHeaderName(), trustedHops: 0 };

/** Just what the adapter reads of an IncomingMessage: method, url, headers as Node parsed them, the raw pairs, the socket address. */
function incoming(method: string, url: string, raw: string[], remoteAddress = '127.0.0.1'): IncomingMessage {
  const headers: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) headers[raw[i].toLowerCase()] ??= raw[i + 1];
  return { method, url, headers, rawHeaders: raw, socket: { remoteAddress } } as unknown as IncomingMessage;
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

describe('the light request for a GET to the resource server', () => {
  it('carries the same method, URL and headers as the web Request the adapter would build', async () => {
    for (const url of ['/rs/demo/photos', '/rs/demo/photos?access_token=x', '/rs/d%65mo/../demo/profile#frag']) {
      const msg = incoming('GET', url, RAW);
      const light = toResourceGetRequest(msg, undefined, peer)!;
      const web = await toWebRequest(msg, 1024, undefined, peer);
      expect(light.method).toBe(web.method);
      expect(light.url).toBe(web.url);
      expect([...light.headers]).toEqual([...web.headers]);
    }
  });

  it('joins a repeated Authorization header as a Request does, so two credentials are still seen as two', () => {
    const light = toResourceGetRequest(incoming('GET', '/rs/demo/photos', RAW), undefined, peer)!;
    expect(light.headers.get('authorization')).toBe('Bearer a, Bearer b');
  });

  it('drops a client-sent internal header and stamps the socket address instead', () => {
    const light = toResourceGetRequest(incoming('GET', '/rs/demo/photos', RAW, '10.0.0.7'), undefined, peer)!;
    expect(light.headers.get(peer.name)).toBe('10.0.0.7');
  });

  it('uses the pinned origin when one is given', () => {
    const light = toResourceGetRequest(incoming('GET', '/rs/demo/photos', RAW), 'http://mock.test:9000', peer)!;
    expect(light.url).toBe('http://mock.test:9000/rs/demo/photos');
  });

  it('reads as an empty body, as a bodiless Request does', async () => {
    const light = toResourceGetRequest(incoming('HEAD', '/rs/demo/photos', RAW), undefined, peer)!;
    expect(light.body).toBeNull();
    expect(light.bodyUsed).toBe(false);
    expect(await light.text()).toBe('');
    expect((await light.arrayBuffer()).byteLength).toBe(0);
    await expect(light.json()).rejects.toBeInstanceOf(SyntaxError);
    const web = await toWebRequest(incoming('HEAD', '/rs/demo/photos', RAW), 1024, undefined, peer);
    await expect(web.json()).rejects.toBeInstanceOf(SyntaxError);
  });

  it('is not used for other methods, other paths, or a Host with credentials (a Request refuses those)', async () => {
    expect(toResourceGetRequest(incoming('POST', '/rs/demo/photos', RAW), undefined, peer)).toBeUndefined();
    expect(toResourceGetRequest(incoming('GET', '/as/demo/jwks', RAW), undefined, peer)).toBeUndefined();
    expect(toResourceGetRequest(incoming('GET', '/api/realms', RAW), undefined, peer)).toBeUndefined();
    const withCredentials = incoming('GET', '/rs/demo/photos', ['Host', 'user:pw@127.0.0.1']);
    expect(toResourceGetRequest(withCredentials, undefined, peer)).toBeUndefined();
    await expect(toWebRequest(withCredentials, 1024, undefined, peer)).rejects.toThrow(TypeError);
  });
});
