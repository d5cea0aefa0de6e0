// Test helper: plays an attack machine to its end against a real lab realm, in-process.
import { createActor, waitFor, type AnyStateMachine } from 'xstate';
import { createLab, LAB_ORIGIN } from '@/lib/realms/test-lab';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import type { AttackContextBase, ServerMode } from './attack-input';

export interface AttackRun {
  context: AttackContextBase;
  final: string;
  realm: RealmDescriptor;
}

/** Presses Next until the machine ends (fetch must already be the in-process router: `vi.stubGlobal('fetch', inProcessFetch)`). */
export async function playAttack(
  machine: AnyStateMachine,
  mode: ServerMode,
  weaknesses: string[],
  opts: { variant?: string; settings?: Record<string, unknown> } = {},
): Promise<AttackRun> {
  const lab = await createLab(mode === 'vulnerable' ? weaknesses : [], opts.settings);
  const realm: RealmDescriptor = { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
  const actor = createActor(machine, { input: { origin: LAB_ORIGIN, realm, mode, variant: opts.variant } }).start();
  for (let i = 0; i < 30; i++) {
    const snap = await waitFor(actor, (s) => !s.hasTag('busy'), { timeout: 15_000 });
    if (snap.status === 'done') return { context: snap.context as AttackContextBase, final: String(snap.value), realm };
    actor.send({ type: 'user.next' });
  }
  throw new Error('the attack did not end within 30 steps');
}
