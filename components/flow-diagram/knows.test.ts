import { describe, expect, it } from 'vitest';
import { stepsOf } from '@/machines/read-meta';
import { refreshTokenMachine } from '@/machines/refresh-token.machine';
import { knowsAt } from './knows';

const steps = {
  a: { knows: { client: ['issuer'] } },
  b: { knows: { client: ['code'], as: ['state'] } },
  press: { knows: { as: ['family revoked'] }, pause: 'wait' as const },
  away: { knows: { as: ['code_challenge'] }, pause: 'navigate' as const },
};

describe('knowsAt', () => {
  it('adds up what each party learnt, step by step, without repeats', () => {
    expect(knowsAt({ trail: ['a', 'b', 'a'], viewing: 3, steps, sentIn: new Set() })).toEqual({
      client: ['issuer', 'code'],
      as: ['state'],
    });
    expect(knowsAt({ trail: ['a', 'b'], viewing: 1, steps, sentIn: new Set() })).toEqual({ client: ['issuer'] });
  });

  it('does not show what a waiting step will teach before it has sent anything', () => {
    expect(knowsAt({ trail: ['a', 'press'], viewing: 2, steps, sentIn: new Set() })).toEqual({ client: ['issuer'] });
    expect(knowsAt({ trail: ['a', 'away'], viewing: 2, steps, sentIn: new Set(['a']) })).toEqual({ client: ['issuer'] });
    expect(knowsAt({ trail: ['a', 'press'], viewing: 2, steps, sentIn: new Set(['press']) })).toEqual({
      client: ['issuer'],
      as: ['family revoked'],
    });
  });

  it('counts a waiting step once the run has gone past it', () => {
    expect(knowsAt({ trail: ['a', 'away', 'b'], viewing: 3, steps, sentIn: new Set() }).as).toEqual(['code_challenge', 'state']);
  });

  it('the refresh-token flow: the AS says "family revoked" only once the spent token has come back', () => {
    const meta = stepsOf(refreshTokenMachine);
    const trail = Object.keys(meta).slice(0, Object.keys(meta).indexOf('replaySpent') + 1);
    expect(trail.at(-1)).toBe('replaySpent');
    const before = knowsAt({ trail, viewing: trail.length, steps: meta, sentIn: new Set(trail.slice(0, -1)) });
    const after = knowsAt({ trail, viewing: trail.length, steps: meta, sentIn: new Set(trail) });
    expect(before.as).not.toContain('family revoked');
    expect(after.as).toContain('family revoked');
  });
});
