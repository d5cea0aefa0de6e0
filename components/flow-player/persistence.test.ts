// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { awaitingReturn, rememberReturn, returnPath, takeReturnPresenting } from './persistence';

beforeEach(() => sessionStorage.clear());

describe('the way back from a trip', () => {
  it('returns only to our own flows and attacks, never to a path read from storage', () => {
    expect(returnPath('authorization-code')).toBe('/flows/authorization-code');
    expect(returnPath('attacks/missing-state')).toBe('/attacks/missing-state');
    for (const hostile of ['//evil.example', 'https://evil.example', '../as/demo', 'attacks/../x', 'attacks/a/b', 'A', '']) {
      expect(returnPath(hostile), hostile).toBeUndefined();
    }
  });

  it('brings presenter mode back to the run that left in it, once', () => {
    rememberReturn('authorization-code', true);
    expect(awaitingReturn('authorization-code')).toBe(true);
    expect(takeReturnPresenting('attacks/alg-none')).toBe(false);
    expect(takeReturnPresenting('authorization-code')).toBe(true);
    expect(takeReturnPresenting('authorization-code')).toBe(false);
  });

  it('a trip in the normal view forgets an earlier one made in presenter mode', () => {
    rememberReturn('authorization-code', true);
    rememberReturn('authorization-code');
    expect(takeReturnPresenting('authorization-code')).toBe(false);
  });
});
