import { describe, expect, it } from 'vitest';
import { attackerUrl, loot, parseLog, readAttackerLog } from './attacker-log';

const rec = {
  seq: 1,
  at: 1,
  kind: 'request',
  method: 'GET',
  path: '/callback',
  query: { state: 's', code: 'c' },
  fields: {},
  referer: 'http://localhost:3000/flows/callback?code=c',
};

describe('attacker log', () => {
  it('keeps well-formed records and drops the rest', () => {
    expect(parseLog({ records: [rec, { seq: 'x' }, null, { ...rec, query: { a: 1 } }] })).toEqual([rec]);
    expect(parseLog(undefined)).toEqual([]);
    expect(parseLog({ records: 'nope' })).toEqual([]);
  });

  it('lists the secrets first', () => {
    expect(loot(parseLog({ records: [rec] })[0]).map((l) => l.name)).toEqual(['code', 'state']);
  });

  it('encodes the realm id in the URL and reads nothing from a refusal', async () => {
    expect(attackerUrl({ id: 'a/b' }, '/log')).toBe('/attacker/a%2Fb/log');
    const none = await readAttackerLog({ id: 'x' }, (async () => new Response('{}', { status: 404 })) as unknown as typeof fetch);
    expect(none).toEqual([]);
  });
});
