import { beforeEach, describe, expect, it } from 'vitest';
import { HARDENED_POINTS } from '../policy-points';
import { findWeakness, WEAKNESSES } from '../catalogue';
import { setServerStore } from '../registry';
import { createLab } from '../test-lab';
import { MemoryStore } from '@/lib/store/memory-store';

describe('client-accepts-any-token', () => {
  beforeEach(() => setServerStore(new MemoryStore()));

  it('is a client-side weakness of its own point, citing the token-injection section', () => {
    const w = findWeakness('client-accepts-any-token');
    expect(w).toMatchObject({ point: 'client.token-audience', server: 'client' });
    expect(w?.specs).toContain('RFC 9700 §4.6');
    expect(HARDENED_POINTS['client.token-audience']).toEqual({ enforced: true });
    expect(WEAKNESSES.filter((x) => x.point === 'client.token-audience')).toHaveLength(1);
  });

  it('a lab realm may switch it on; a realm without it keeps the hardened client', async () => {
    const lab = await createLab(['client-accepts-any-token']);
    expect(lab.weaknesses).toEqual(['client-accepts-any-token']);
    const hard = await createLab();
    expect(hard.weaknesses).toEqual([]);
  });
});
