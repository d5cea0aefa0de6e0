// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StepMeta } from '@/machines/step-meta';
import { loadAutoPlay, saveAutoPlay } from './persistence';
import { AUTO_PLAY_DELAY_MS, autoPlayHold, autoPlayStatus, useAutoPlay } from './use-auto-play';

const meta = (pause?: StepMeta['pause']): StepMeta => ({
  title: 't',
  explanation: '',
  specs: [],
  notice: [],
  edges: [],
  ...(pause ? { pause } : {}),
});
const settled = { live: true, running: false, canAdvance: true, meta: meta() };

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('autoPlayHold', () => {
  it('goes on only from a settled live step that takes Next and marks no pause', () => {
    expect(autoPlayHold(settled)).toBeUndefined();
    expect(autoPlayHold({ ...settled, running: true })).toBe('busy');
    expect(autoPlayHold({ ...settled, live: false })).toBe('review');
  });

  it('holds on every step that needs the learner: the sign-in hand-off, a learner’s button, a step that takes no Next', () => {
    expect(autoPlayHold({ ...settled, meta: meta('navigate') })).toBe('learner');
    expect(autoPlayHold({ ...settled, meta: meta('wait') })).toBe('learner');
    expect(autoPlayHold({ ...settled, canAdvance: false })).toBe('learner');
    expect(autoPlayHold({ ...settled, meta: meta('end') })).toBe('end');
    // Presenter mode, one part per screen: the last step's card goes on to its diagram, the whole run, and ends there.
    expect(autoPlayHold({ ...settled, meta: meta('end'), canAdvance: false, nextShows: 'diagram' })).toBeUndefined();
    expect(autoPlayHold({ ...settled, meta: meta('end'), canAdvance: false, nextShows: 'step' })).toBe('end');
  });
});

describe('autoPlayStatus', () => {
  it('says the delay while counting down and why it waits otherwise; nothing while off', () => {
    expect(autoPlayStatus({ on: true, speed: 'slow' }, undefined)).toBe(`Auto-play: next step in ${AUTO_PLAY_DELAY_MS.slow / 1000} s.`);
    expect(autoPlayStatus({ on: true, speed: 'fast' }, 'learner')).toMatch(/^Auto-play paused: this step needs you/);
    expect(autoPlayStatus({ on: false, speed: 'fast' }, undefined)).toBe('');
    // Presenter mode, one part of a step per screen: from a card, the next press shows that step's diagram.
    expect(autoPlayStatus({ on: true, speed: 'fast' }, undefined, 'diagram')).toBe(
      `Auto-play: this step’s diagram in ${AUTO_PLAY_DELAY_MS.fast / 1000} s.`,
    );
  });
});

describe('useAutoPlay', () => {
  it('presses Next once after the chosen delay, not before', () => {
    vi.useFakeTimers();
    saveAutoPlay({ on: true, speed: 'fast' });
    const advance = vi.fn();
    renderHook(() => useAutoPlay(settled, advance));
    act(() => vi.advanceTimersByTime(AUTO_PLAY_DELAY_MS.fast - 1));
    expect(advance).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(advance).toHaveBeenCalledTimes(1);
  });

  it('never presses Next on a step that needs the learner', () => {
    vi.useFakeTimers();
    saveAutoPlay({ on: true, speed: 'fast' });
    const advance = vi.fn();
    renderHook(() => useAutoPlay({ ...settled, meta: meta('navigate') }, advance));
    act(() => vi.advanceTimersByTime(AUTO_PLAY_DELAY_MS.slow * 3));
    expect(advance).not.toHaveBeenCalled();
  });

  it('keeps the setting for the tab (the trip to the AS reloads the page)', () => {
    const { result } = renderHook(() => useAutoPlay(settled, () => undefined));
    act(() => result.current[1]({ on: true, speed: 'slow' }));
    expect(loadAutoPlay()).toEqual({ on: true, speed: 'slow' });
  });
});

describe('loadAutoPlay', () => {
  it('reads a damaged or hostile saved value as off at normal speed', () => {
    sessionStorage.setItem('flowlab:auto-play', '{not json');
    expect(loadAutoPlay()).toEqual({ on: false, speed: 'normal' });
    sessionStorage.setItem('flowlab:auto-play', JSON.stringify({ on: 'yes', speed: '__proto__' }));
    expect(loadAutoPlay()).toEqual({ on: false, speed: 'normal' });
  });
});
