import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { fail, ok } from '@/lib/oauth-client/result';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import type { StepInput, StepOutput } from '../step-output';
import { METADATA } from '../test-fakes';
import type { OwnToken } from './mallory';
import { MAX_WAIT_SECONDS, waitForExpiry } from './missing-claim-checks.actors';
import { missingClaimChecksMachine } from './missing-claim-checks.machine';

const own: OwnToken = { metadata: METADATA, tokens: { access_token: 'h.p.s', token_type: 'Bearer', expires_in: 2 } };
const input = (variant?: string, mode: 'vulnerable' | 'hardened' = 'vulnerable') => ({
  origin: 'http://localhost:3000',
  realm: { id: 'r', issuer: 'http://localhost:3000/as/r', resource: 'http://localhost:3000/rs/r', weaknesses: [] },
  mode,
  variant,
});

/** Fakes for every actor; `answer` is what the RS "said", `sent` collects what the replay step was asked to send. */
function fakes(answer: Outcome, opts: { tokenFails?: boolean } = {}) {
  const sent: string[] = [];
  const waits: Array<number | undefined> = [];
  const token = fromPromise<StepOutput<OwnToken>, StepInput<{ realm: RealmDescriptor }>>(async ({ input: i }) => ({
    step: i.step,
    exchanges: [],
    result: opts.tokenFails ? fail('invalid_target', 'no such API', i.step) : ok(own),
  }));
  const machine = missingClaimChecksMachine.provide({
    actors: {
      tokenForPhotos: token,
      tokenForPrintApi: token,
      waitForExpiry: fromPromise<StepOutput<{ waited: number }>, StepInput<{ expiresIn?: number }>>(async ({ input: i }) => {
        waits.push(i.expiresIn);
        return { step: i.step, exchanges: [], result: ok({ waited: 3 }) };
      }),
      replay: fromPromise<StepOutput<Outcome>, StepInput<{ realm: RealmDescriptor; token: string; sent: string }>>(async ({ input: i }) => {
        sent.push(i.sent);
        return { step: i.step, exchanges: [], result: ok(answer) };
      }),
    },
  });
  return { machine, sent, waits };
}

async function play(machine: typeof missingClaimChecksMachine, variant?: string, mode: 'vulnerable' | 'hardened' = 'vulnerable') {
  const actor = createActor(machine, { input: input(variant, mode) }).start();
  for (let i = 0; i < 10; i++) {
    const snap = await waitFor(actor, (s) => !s.hasTag('busy'));
    if (snap.status === 'done') return snap;
    actor.send({ type: 'user.next' });
  }
  throw new Error('did not end');
}

describe('missing-claim-checks machine (fakes)', () => {
  afterEach(() => vi.useRealTimers());

  it('expired: token, wait for its expires_in, replay; the Outcome is the RS’s answer, whatever the mode', async () => {
    const f = fakes({ succeeded: false, what: 'refused' });
    const snap = await play(f.machine, 'expired', 'vulnerable');
    expect(snap.context.trail).toEqual(['tokenForPhotos', 'waitForExpiry', 'replay', 'outcome']);
    expect(f.waits).toEqual([2]);
    expect(f.sent).toEqual(['the expired token']);
    expect(snap.context.outcome).toEqual({ succeeded: false, what: 'refused' });
  });

  it('audience: the print API’s token goes straight to the replay, without a wait', async () => {
    const f = fakes({ succeeded: true, what: 'accepted' });
    const snap = await play(f.machine, 'audience', 'hardened');
    expect(snap.context.trail).toEqual(['tokenForPrintApi', 'replay', 'outcome']);
    expect(f.waits).toEqual([]);
    expect(f.sent[0]).toMatch(/minted for https:\/\/print\.example\/api/);
    expect(snap.context.outcome?.succeeded).toBe(true);
  });

  it('an unknown or missing variant plays the expired one', async () => {
    for (const variant of [undefined, 'bogus', '__proto__']) {
      const snap = await play(fakes({ succeeded: true, what: 'x' }).machine, variant);
      expect(snap.context.trail[0]).toBe('tokenForPhotos');
    }
  });

  it('a failed token request ends in failed, with its error and no Outcome', async () => {
    const snap = await play(fakes({ succeeded: true, what: 'x' }, { tokenFails: true }).machine, 'audience');
    expect(snap.value).toBe('failed');
    expect(snap.context.error).toMatchObject({ code: 'invalid_target' });
    expect(snap.context.outcome).toBeUndefined();
  });

  it('reaches every step of both variants (getShortestPaths)', () => {
    const reached = new Set<string>();
    for (const variant of ['expired', 'audience']) {
      const paths = getShortestPaths(missingClaimChecksMachine, { input: input(variant), events: [{ type: 'user.next' }] });
      for (const p of paths) reached.add(typeof p.state.value === 'string' ? p.state.value : Object.keys(p.state.value)[0]);
    }
    for (const step of ['tokenForPhotos', 'tokenForPrintApi']) expect(reached).toContain(step);
  });
});

describe('waitForExpiry (the real wait)', () => {
  it('waits expires_in + 1 s, then says so', async () => {
    vi.useFakeTimers();
    const done = vi.fn();
    const pending = waitForExpiry('waitForExpiry', 2, new AbortController().signal).then((o) => (done(), o));
    await vi.advanceTimersByTimeAsync(2999);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    const out = await pending;
    expect(out.result).toEqual({ ok: true, value: { waited: 3 } });
    expect(out.facts).toContainEqual({ label: 'Waited', value: '3 s (expires_in + 1 s)' });
  });

  it.each([[undefined], [MAX_WAIT_SECONDS + 1], [-1], [Number.NaN]])(
    'refuses to wait for expires_in %s instead of hanging',
    async (expiresIn) => {
      const out = await waitForExpiry('waitForExpiry', expiresIn, new AbortController().signal);
      expect(out.result).toMatchObject({ ok: false, error: { code: 'wait_too_long' } });
    },
  );
});
