import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress } from '../oauth-server/session';
import { peerAddress, UNKNOWN_PEER } from './peer';
import { PEER_HEADER_ENV } from './peer-header.mjs';

const NAME = 'x-flowlab-peer-00112233445566778899aabbccddeeff';
const req = (headers: Record<string, string>) => new Request('http://localhost:3000/as/demo/device', { headers });

describe('peerAddress', () => {
  afterEach(() => {
    delete process.env[PEER_HEADER_ENV];
  });

  it('honours the address the wrapper stamped in its internal header', () => {
    process.env[PEER_HEADER_ENV] = NAME;
    expect(peerAddress(req({ [NAME]: '192.168.1.20' }))).toBe('192.168.1.20');
    expect(clientAddress(req({ [NAME]: '192.168.1.20' }))).toBe('192.168.1.20');
  });

  it('is not moved by a forged X-Forwarded-For: same stamped peer, same bucket', () => {
    process.env[PEER_HEADER_ENV] = NAME;
    const buckets = ['1.1.1.1', '2.2.2.2, 3.3.3.3', 'unknown'].map((xff) =>
      clientAddress(req({ [NAME]: '192.168.1.20', 'x-forwarded-for': xff })),
    );
    expect(new Set(buckets)).toEqual(new Set(['192.168.1.20']));
  });

  it('puts every request in one shared bucket when no wrapper runs (plain next dev, in-process tests)', () => {
    expect(peerAddress(req({ 'x-forwarded-for': '1.1.1.1' }))).toBe(UNKNOWN_PEER);
    expect(peerAddress(req({ 'x-forwarded-for': '2.2.2.2', [NAME]: '2.2.2.2' }))).toBe(UNKNOWN_PEER);
    expect(clientAddress(req({ 'x-forwarded-for': '3.3.3.3' }))).toBe(UNKNOWN_PEER);
  });

  it('does not believe a header that is missing, not an address, or a name outside the internal prefix', () => {
    process.env[PEER_HEADER_ENV] = NAME;
    expect(peerAddress(req({}))).toBe(UNKNOWN_PEER);
    expect(peerAddress(req({ [NAME]: 'localhost' }))).toBe(UNKNOWN_PEER);
    process.env[PEER_HEADER_ENV] = 'x-forwarded-for';
    expect(peerAddress(req({ 'x-forwarded-for': '1.1.1.1' }))).toBe(UNKNOWN_PEER);
  });
});
