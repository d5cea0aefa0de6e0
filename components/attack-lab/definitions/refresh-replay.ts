import { refreshReplayMachine } from '@/machines/attacks/refresh-replay.machine';
import type { AttackDefinition } from '../attack-definition';
import { RefreshReplayExtras } from '../refresh-replay-extras';

export const refreshReplay: AttackDefinition = {
  machine: refreshReplayMachine,
  actors: ['user', 'browser', 'client', 'attacker', 'as', 'rs'],
  vulnerable: { weaknesses: ['as-refresh-tokens-reusable'] },
  Extras: RefreshReplayExtras,
};
