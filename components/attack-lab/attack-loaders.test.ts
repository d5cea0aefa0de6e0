import { describe, expect, it } from 'vitest';
import { loadFlow } from '@/components/flow-player/flow-loaders';
import { ATTACKS } from './attack-registry';
import { ATTACK_LOADERS, loadAttack } from './attack-loaders';

describe('attack loaders', () => {
  it('load exactly the attacks the registry marks playable', () => {
    expect(Object.keys(ATTACK_LOADERS).sort()).toEqual(
      ATTACKS.filter((a) => a.playable)
        .map((a) => a.slug)
        .sort(),
    );
  });

  it('load nothing for an attack not built yet, an unknown slug or an inherited property', () => {
    const unbuilt = ATTACKS.find((a) => !a.playable);
    if (unbuilt) expect(loadAttack(unbuilt.slug)).toBeUndefined();
    for (const slug of ['nope', '__proto__', 'constructor', 'toString', '']) {
      expect(loadAttack(slug)).toBeUndefined();
      expect(loadFlow(slug)).toBeUndefined();
    }
  });
});
