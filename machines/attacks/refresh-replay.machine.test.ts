import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { fail, ok } from '@/lib/oauth-client/result';
import { realmAt } from '@/lib/realms/descriptor';
import type { PkceValues } from '../authorization-code.actors';
import type { StepOutput } from '../step-output';
import { fakeExchange, METADATA, ORIGIN, TOKENS } from '../test-fakes';
import { refreshReplayMachine } from './refresh-replay.machine';
import { blockedOutcome, type PresentInput, type Presented } from './refresh-replay.actors';

const PKCE: PkceValues = {
  pkce: { verifier: 'v'.repeat(43), asciiHex: '', sha256Hex: '', challenge: 'c'.repeat(43) },
  state: 'st4te',
  nonce: 'n0nce',
};
const realm = { ...realmAt(ORIGIN, 'lab-realm-id-0000', []), issuer: `${ORIGIN}/as/demo` };
const accepted = (rt: string, sent: string): Presented => ({ accepted: true, tokens: { ...TOKENS, refresh_token: rt }, sent });
const refused = (sent: string): Presented => ({
  accepted: false,
  status: 400,
  error: 'invalid_grant',
  description: 'family revoked',
  sent,
});

type Answer = (i: PresentInput, n: number) => StepOutput<Presented>;
const answer = (step: string, p: Presented): StepOutput<Presented> => ({ step, exchanges: [fakeExchange(step)], result: ok(p) });

/** Fake AS answers, in the order the refresh-token requests arrive; records what each party sent. */
function run(o: { tokens?: typeof TOKENS; answers: Answer[] }) {
  const sent: Array<{ from: string; token: string }> = [];
  const called: string[] = [];
  let n = 0;
  const present = fromPromise<StepOutput<Presented>, PresentInput>(async ({ input }) => {
    sent.push({ from: input.from, token: input.refreshToken });
    return o.answers[n++](input, n);
  });
  const machine = refreshReplayMachine.provide({
    actors: {
      discover: fromPromise(async () => ({ step: 'discover', exchanges: [], result: ok(METADATA) })),
      makePkce: fromPromise(async () => ({ step: 'makeVerifier', exchanges: [], result: ok(PKCE) })),
      tokenRequest: fromPromise(async () => ({ step: 'tokenRequest', exchanges: [], result: ok(o.tokens ?? TOKENS) })),
      aliceRefresh: present,
      present,
      replay: fromPromise(async () => {
        called.push('replay');
        return { step: 'malloryReadsPhotos', exchanges: [], result: ok({ succeeded: true, what: 'photos' }) };
      }),
    } as never,
  });
  return { machine, sent, called };
}

async function play(m: ReturnType<typeof run>) {
  const a = createActor(m.machine, { input: { origin: ORIGIN, realm, mode: 'vulnerable' } }).start();
  const settle = () => waitFor(a, (s) => !s.hasTag('busy'));
  for (let i = 0; i < 3; i++) {
    await settle();
    a.send({ type: 'user.next' });
  }
  expect(a.getSnapshot().value).toBe('redirectToAs');
  // Alice must sign in first: Next does nothing before the browser has been there and back.
  expect(a.getSnapshot().can({ type: 'user.next' })).toBe(false);
  a.send({ type: 'browser.navigated' });
  a.send({ type: 'callback.received', url: `${ORIGIN}/flows/callback?code=abc&state=st4te&iss=${encodeURIComponent(realm.issuer)}` });
  for (let i = 0; i < 12 && a.getSnapshot().status !== 'done'; i++) {
    a.send({ type: 'user.next' });
    await settle();
  }
  return a.getSnapshot();
}

describe('refresh-replay machine branches (fake actors)', () => {
  it('Mallory’s copy accepted: she calls the API, and its answer is the outcome', async () => {
    const m = run({
      answers: [
        (i) => answer(i.step, accepted('rt-1', 'rt-1')),
        (i) => answer(i.step, accepted('rt-1', 'rt-1')),
        (i) => answer(i.step, accepted('rt-1', 'rt-1')),
      ],
    });
    const s = await play(m);
    expect(s.value).toBe('outcome');
    expect(s.context.outcome).toEqual({ succeeded: true, what: 'photos' });
    expect(m.called).toEqual(['replay']);
    // Mallory presents the copy she was handed; Alice's client always its current one.
    expect(m.sent).toEqual([
      { from: 'client', token: 'rt-1' },
      { from: 'attacker', token: 'rt-1' },
      { from: 'client', token: 'rt-1' },
    ]);
  });

  it('Mallory’s copy refused after rotation: no API call, and the outcome names both refusals', async () => {
    const m = run({
      answers: [
        (i) => answer(i.step, accepted('rt-2', 'rt-1')),
        (i) => answer(i.step, refused('rt-1')),
        (i) => answer(i.step, refused('rt-2')),
      ],
    });
    const s = await play(m);
    expect(s.value).toBe('outcome');
    expect(m.called).toEqual([]);
    expect(m.sent.map((x) => x.token)).toEqual(['rt-1', 'rt-1', 'rt-2']);
    expect(s.context.outcome).toEqual(blockedOutcome(refused('rt-1'), refused('rt-2')));
    expect(s.context.outcome?.what).toMatch(/Alice is signed out/);
  });

  it('no refresh token in the code’s answer: the run stops in failed and says why', async () => {
    const m = run({ tokens: { ...TOKENS, refresh_token: undefined }, answers: [] });
    const s = await play(m);
    expect(s.value).toBe('failed');
    expect(s.context.error?.code).toBe('no_refresh_token');
    expect(m.sent).toEqual([]);
  });

  it('Alice’s own first refresh fails: the run stops in failed, Mallory sends nothing', async () => {
    const m = run({ answers: [(i) => ({ step: i.step, exchanges: [], result: fail('invalid_grant', 'refused', i.step) })] });
    const s = await play(m);
    expect(s.value).toBe('failed');
    expect(m.sent).toHaveLength(1);
  });
});

describe('blockedOutcome', () => {
  it('says the family survived when Alice’s current token still works', () => {
    expect(blockedOutcome(refused('rt-1'), accepted('rt-3', 'rt-2')).what).toMatch(/current refresh token still works/);
  });
});
