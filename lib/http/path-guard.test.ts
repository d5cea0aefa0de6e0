import { describe, expect, it } from 'vitest';
import { forbiddenMethodAnswer, invalidPathAnswer } from './path-guard.mjs';

describe('invalidPathAnswer', () => {
  it.each([
    '/as/%ff/token',
    '/rs/%ff/photos',
    '/as/%c0%ae%c0%ae/jwks',
    '/.well-known/oauth-authorization-server/as/%ff',
    '/api/realms/%ff',
    '/attacker/%E0%A4%A/log',
  ])('answers %s with a JSON 404', (path) => {
    const answer = invalidPathAnswer(path)!;
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).error).toBe('invalid_request');
  });

  it('answers a page path with a plain 400, and lets decodable paths through', () => {
    expect(invalidPathAnswer('/flows/%ff')!.status).toBe(400);
    for (const ok of ['/', '/as/demo/token?x=%ff', '/flows/callback?code=a', '/as/%64emo/jwks', undefined])
      expect(invalidPathAnswer(ok)).toBeUndefined();
  });
});

describe('forbiddenMethodAnswer', () => {
  it('answers TRACE, TRACK and CONNECT with a 501 and no Allow (RFC 9110 §15.6.2): JSON at the servers, plain text at a page', () => {
    for (const method of ['TRACE', 'TRACK', 'CONNECT', 'trace']) {
      const server = forbiddenMethodAnswer(method, '/as/demo/token?x=1')!;
      expect([server.status, JSON.parse(server.body).error, server.headers['cache-control'], server.headers.allow]).toEqual([
        501,
        'invalid_request',
        'no-store',
        undefined,
      ]);
      const page = forbiddenMethodAnswer(method, '/flows/authorization-code')!;
      expect([page.status, page.headers['content-type'], page.headers['cache-control']]).toEqual([
        501,
        'text/plain;charset=UTF-8',
        'no-store',
      ]);
    }
  });

  it('lets every method a web Request can carry through', () => {
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'PROPFIND', undefined])
      expect(forbiddenMethodAnswer(method, '/as/demo/token')).toBeUndefined();
  });
});
