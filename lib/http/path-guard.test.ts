import { describe, expect, it } from 'vitest';
import { invalidPathAnswer } from './path-guard.mjs';

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
