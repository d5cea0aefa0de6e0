import { describe, expect, it } from 'vitest';
import {
  installPeerHeaderName,
  isPeerHeader,
  normalizeAddress,
  parseTrustedHops,
  PEER_HEADER_PREFIX,
  resolvePeerAddress,
  stampPeerHeader,
} from './peer-header.mjs';

const NAME = `${PEER_HEADER_PREFIX}0123456789abcdef0123456789abcdef`;

describe('stampPeerHeader (what scripts/serve.mjs does to every request before Next.js sees it)', () => {
  it('sets the internal header to the socket address, whatever X-Forwarded-For the client wrote', () => {
    const headers: Record<string, string | string[] | undefined> = { host: 'localhost:3000', 'x-forwarded-for': '203.0.113.9' };
    expect(stampPeerHeader(headers, { name: NAME, remoteAddress: '::ffff:192.168.1.20' })).toBe('192.168.1.20');
    expect(headers[NAME]).toBe('192.168.1.20');
    expect(headers['x-forwarded-for']).toBe('203.0.113.9');
  });

  it('strips a client-sent copy of the internal header, and of any other header with its prefix', () => {
    const headers: Record<string, string | string[] | undefined> = {
      [NAME]: '198.51.100.1',
      [`${PEER_HEADER_PREFIX}guess`]: '198.51.100.2',
      accept: '*/*',
    };
    stampPeerHeader(headers, { name: NAME, remoteAddress: '127.0.0.1' });
    expect(headers).toEqual({ [NAME]: '127.0.0.1', accept: '*/*' });
  });

  it('leaves the header unset (so the request counts as unknown) when the socket has no address', () => {
    const headers: Record<string, string | string[] | undefined> = { [NAME]: '198.51.100.1' };
    expect(stampPeerHeader(headers, { name: NAME, remoteAddress: undefined })).toBeUndefined();
    expect(headers).toEqual({});
  });

  it('with trusted proxy hops, takes the address the nearest trusted proxy saw', () => {
    const headers: Record<string, string | string[] | undefined> = { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' };
    expect(stampPeerHeader(headers, { name: NAME, remoteAddress: '10.0.0.2', trustedHops: 1 })).toBe('203.0.113.9');
  });
});

describe('resolvePeerAddress', () => {
  it('ignores X-Forwarded-For entirely when no proxy is trusted', () => {
    expect(resolvePeerAddress('10.0.0.7', '1.1.1.1', 0)).toBe('10.0.0.7');
    expect(resolvePeerAddress('10.0.0.7', '1.1.1.1')).toBe('10.0.0.7');
  });

  it('takes the N-th entry from the right with N trusted hops; entries the client prepended do not matter', () => {
    const xff = 'forged, 9.9.9.9, 203.0.113.9, 10.0.0.1';
    expect(resolvePeerAddress('10.0.0.2', xff, 1)).toBe('10.0.0.1');
    expect(resolvePeerAddress('10.0.0.2', xff, 2)).toBe('203.0.113.9');
    expect(resolvePeerAddress('10.0.0.2', `1.2.3.4, ${xff}`, 2)).toBe('203.0.113.9');
  });

  it('reads repeated X-Forwarded-For lines as one list', () => {
    expect(resolvePeerAddress('10.0.0.2', ['6.6.6.6', '203.0.113.9'], 1)).toBe('203.0.113.9');
  });

  it('falls back to the socket when the header has fewer entries than trusted hops, is missing, or the entry is not an address', () => {
    expect(resolvePeerAddress('10.0.0.2', '203.0.113.9', 2)).toBe('10.0.0.2');
    expect(resolvePeerAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(resolvePeerAddress('10.0.0.2', '6.6.6.6, unknown', 1)).toBe('10.0.0.2');
  });

  it('accepts the forms proxies write: [v6]:port, v4:port, mapped IPv4', () => {
    expect(resolvePeerAddress('10.0.0.2', '[2001:DB8::1]:4711', 1)).toBe('2001:db8::1');
    expect(resolvePeerAddress('10.0.0.2', '203.0.113.9:4711', 1)).toBe('203.0.113.9');
    expect(resolvePeerAddress('10.0.0.2', '::ffff:203.0.113.9', 1)).toBe('203.0.113.9');
  });
});

describe('normalizeAddress', () => {
  it('returns bare IP addresses and rejects everything else', () => {
    expect(normalizeAddress(' 127.0.0.1 ')).toBe('127.0.0.1');
    expect(normalizeAddress('::1')).toBe('::1');
    for (const bad of ['', 'localhost', '1.2.3', '1.2.3.4.5', '[::1', 'a'.repeat(65), undefined, 42])
      expect(normalizeAddress(bad), String(bad)).toBeUndefined();
  });
});

describe('parseTrustedHops', () => {
  it('reads unset or empty as no trusted proxy, and whole numbers as hops', () => {
    expect(parseTrustedHops(undefined)).toBe(0);
    expect(parseTrustedHops('')).toBe(0);
    expect(parseTrustedHops('2')).toBe(2);
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['-1', 'one', '1.5', '17', '999']) expect(() => parseTrustedHops(bad), bad).toThrow(/FLOWLAB_TRUSTED_PROXY_HOPS/);
  });
});

describe('installPeerHeaderName', () => {
  it('mints one random prefixed name per process and replaces a value inherited from the environment', () => {
    const env: Record<string, string | undefined> = { FLOWLAB_PEER_HEADER: 'x-forwarded-for' };
    const name = installPeerHeaderName(env);
    expect(name).toMatch(/^x-flowlab-peer-[0-9a-f]{32}$/);
    expect(env.FLOWLAB_PEER_HEADER).toBe(name);
    expect(installPeerHeaderName({})).toBe(name);
    expect(isPeerHeader(name.toUpperCase())).toBe(true);
    expect(isPeerHeader('x-forwarded-for')).toBe(false);
  });
});
