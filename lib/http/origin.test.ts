import { afterEach, describe, expect, it } from 'vitest';
import { isValidHost, originOf } from './origin';

const req = (host: string | null, url = 'http://localhost:3000/as/demo/token') =>
  new Request(url, { headers: host === null ? {} : { host } });

describe('originOf', () => {
  afterEach(() => {
    delete process.env.FLOWLAB_ORIGIN;
  });

  it('uses the Host the browser sent, not the host Next.js put in the request URL', () => {
    expect(originOf(req('127.0.0.1:3000'))).toBe('http://127.0.0.1:3000');
    expect(originOf(req('192.168.1.20:3000'))).toBe('http://192.168.1.20:3000');
    expect(originOf(req('[::1]:3000'))).toBe('http://[::1]:3000');
    expect(originOf(req('Flowlab.Example'))).toBe('http://flowlab.example');
  });

  it('keeps the scheme of the request URL', () => {
    expect(originOf(req('flowlab.example', 'https://localhost/as/demo/jwks'))).toBe('https://flowlab.example');
  });

  it('falls back to the request URL when Host is missing or not host[:port]', () => {
    for (const bad of ['evil.example/path', 'a@b', 'a b', 'x:99999', 'x:0', 'a,b', '', '[zz]', 'x:', '-x.example', 'a'.repeat(300)]) {
      expect(originOf(req(bad)), bad).toBe('http://localhost:3000');
    }
  });

  it('FLOWLAB_ORIGIN pins the origin whatever the Host says', () => {
    process.env.FLOWLAB_ORIGIN = 'https://class.example/';
    expect(originOf(req('127.0.0.1:3000'))).toBe('https://class.example');
  });
});

describe('isValidHost', () => {
  it('accepts names, IPv4 and bracketed IPv6 with an optional port', () => {
    for (const ok of ['localhost', 'localhost:3000', '10.0.0.5:8080', '[fe80::1]', 'a-b.c.example.'])
      expect(isValidHost(ok), ok).toBe(true);
  });
});
