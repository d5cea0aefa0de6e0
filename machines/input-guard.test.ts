import { describe, expect, it } from 'vitest';
import { inputGuard, inputTestOf } from './input-guard';

describe('inputGuard', () => {
  const hardened = inputGuard((input: { mode: string }) => input.mode === 'hardened');

  it('is an XState guard that reads the context’s input', () => {
    expect(hardened({ context: { input: { mode: 'hardened' } } })).toBe(true);
    expect(hardened({ context: { input: { mode: 'vulnerable' } } })).toBe(false);
  });

  it('hands its test to the planner, and nothing for a guard of any other kind', () => {
    expect(inputTestOf(hardened)?.({ mode: 'hardened' })).toBe(true);
    expect(inputTestOf(({ context }: { context: { code?: string } }) => context.code !== undefined)).toBeUndefined();
    expect(inputTestOf('hasCode')).toBeUndefined();
    expect(inputTestOf(undefined)).toBeUndefined();
  });
});
