// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type PlayerMoves, SIDE_BY_SIDE, useMediaQuery, usePresenterSlides } from './use-presenter-slides';

/** A window.matchMedia whose SIDE_BY_SIDE answer the test sets, firing `change` like a resized window. */
function stubScreen(wide: boolean) {
  const listeners = new Set<() => void>();
  let matches = wide;
  vi.stubGlobal('matchMedia', (query: string) => ({
    get matches() {
      return query === SIDE_BY_SIDE && matches;
    },
    media: query,
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
  }));
  return (next: boolean) => {
    matches = next;
    listeners.forEach((f) => f());
  };
}

/** The player's own moves over a run of `steps` steps, the step on screen kept like FlowRun's `viewing`. */
function player(steps: number, presenting = true) {
  const moves = { next: vi.fn(), back: vi.fn() };
  let viewing = 1;
  const props = (): PlayerMoves => ({
    presenting,
    viewing,
    canNext: viewing < steps,
    canBack: viewing > 1,
    next: () => {
      moves.next();
      viewing += 1;
    },
    back: () => {
      moves.back();
      viewing -= 1;
    },
  });
  const hook = renderHook((p: PlayerMoves) => usePresenterSlides(p, { current: null }), { initialProps: props() });
  /** Presses Next or Back as the Controls do (only when enabled), then renders with the player's new step. */
  const press = (which: 'next' | 'back') => {
    const s = hook.result.current;
    if (which === 'next' ? !s.canNext : !s.canBack) return false;
    act(() => s[which]());
    hook.rerender(props());
    return true;
  };
  const at = () => `${viewing}:${hook.result.current.screen ?? 'off'}`;
  return { hook, moves, press, at, rerender: () => hook.rerender(props()) };
}

beforeEach(() => vi.unstubAllGlobals());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('usePresenterSlides', () => {
  it('marks the page with the layout while presenting (globals.css hides the header), and unmarks it after', () => {
    stubScreen(false);
    const narrow = player(2);
    expect(document.documentElement.getAttribute('data-presenting')).toBe('one-at-a-time');
    narrow.hook.unmount();
    expect(document.documentElement.hasAttribute('data-presenting')).toBe(false);
    stubScreen(true);
    player(2);
    expect(document.documentElement.getAttribute('data-presenting')).toBe('side-by-side');
    cleanup();
    player(2, false);
    expect(document.documentElement.hasAttribute('data-presenting')).toBe(false);
  });

  it('outside presenter mode, is the player itself', () => {
    stubScreen(false);
    const p = player(3, false);
    expect(p.hook.result.current.screen).toBeUndefined();
    p.press('next');
    expect(p.at()).toBe('2:off');
    expect(p.moves.next).toHaveBeenCalledTimes(1);
  });

  it('side by side, one press of Next is one step: the diagram is on the same screen', () => {
    stubScreen(true);
    const p = player(3);
    expect(p.hook.result.current.screen).toBe('both');
    expect(p.hook.result.current.nextShows).toBe('step');
    p.press('next');
    p.press('next');
    expect(p.at()).toBe('3:both');
    expect(p.press('next')).toBe(false);
    p.press('back');
    expect(p.at()).toBe('2:both');
  });

  it('one at a time, Next builds card → diagram → next card, and Back walks the same screens in reverse', () => {
    stubScreen(false);
    const p = player(2);
    expect(p.hook.result.current.screen).toBe('step');
    expect(p.hook.result.current.nextShows).toBe('diagram');
    expect(p.hook.result.current.canBack).toBe(false);
    const forward: string[] = [];
    while (p.press('next')) forward.push(p.at());
    expect(forward).toEqual(['1:diagram', '2:step', '2:diagram']);
    // The last step's diagram: nothing further (the player's own Next is disabled there).
    expect(p.hook.result.current.canNext).toBe(false);
    const backward: string[] = [];
    while (p.press('back')) backward.push(p.at());
    expect(backward).toEqual(['2:step', '1:diagram', '1:step']);
    expect(p.moves.next).toHaveBeenCalledTimes(1);
    expect(p.moves.back).toHaveBeenCalledTimes(1);
  });

  it('one at a time, the card of a step waiting for the learner still leads to its diagram', () => {
    stubScreen(false);
    const p = player(1);
    expect(p.hook.result.current.canNext).toBe(true);
    p.press('next');
    expect(p.at()).toBe('1:diagram');
    expect(p.moves.next).not.toHaveBeenCalled();
  });

  it('a window widened on a diagram screen shows the step beside its diagram', () => {
    const resize = stubScreen(false);
    const p = player(2);
    p.press('next');
    expect(p.at()).toBe('1:diagram');
    act(() => resize(true));
    expect(p.at()).toBe('1:both');
  });
});

describe('useMediaQuery', () => {
  it('is false where matchMedia is missing (jsdom, the server render)', () => {
    vi.stubGlobal('matchMedia', undefined);
    expect(renderHook(() => useMediaQuery(SIDE_BY_SIDE)).result.current).toBe(false);
  });
});
