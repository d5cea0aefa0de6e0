'use client';
import { type RefObject, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { pickFocusTarget } from './use-step-focus';

/**
 * From this width presenter mode shows the step and its diagram side by side, one step per screen: the diagram's column
 * (5/8 of the width) is then at least ~830 px, which draws its 13 px labels at 12 px or more (1400×900, 1920×1080 at up
 * to 125 % zoom). Narrower (1280×720; 1920×1080 at 150 %; 1280×720 at 150 % is 853×480 CSS px), side by side would
 * shrink the labels to 7-11 px: each step is two screens, its card and then its diagram, each the width of the screen.
 */
export const SIDE_BY_SIDE = '(min-width: 87.5rem)';

/**
 * What presenter mode shows of the step: `both` side by side; one part per screen, the `step` (its card, panels and
 * checks) or its `diagram`.
 */
export type PresenterScreen = 'both' | 'step' | 'diagram';

/** Whether `query` matches, following changes; false on the server and where matchMedia is missing (jsdom). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => {};
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
    () => false,
  );
}

export interface PlayerMoves {
  presenting: boolean;
  /** The step on screen (1-based). */
  viewing: number;
  canNext: boolean;
  canBack: boolean;
  next: () => void;
  back: () => void;
}

export interface PresenterSlides {
  /** Undefined outside presenter mode. */
  screen?: PresenterScreen;
  canNext: boolean;
  canBack: boolean;
  next: () => void;
  back: () => void;
  /** What the next press of Next shows: the diagram of this step (one at a time, on its card), else the next step. */
  nextShows: 'step' | 'diagram';
}

/**
 * The player's Next and Back as presenter mode steps through them. Side by side (and outside presenter mode) they are
 * the player's own. One at a time, a step is two screens as a slide deck builds: Next on a step's card shows its
 * diagram, Next on the diagram goes to the next step's card; Back on a diagram returns to its card, Back on a card goes
 * to the previous step's diagram (its last screen).
 */
export function usePresenterSlides(moves: PlayerMoves, root: RefObject<HTMLElement | null>): PresenterSlides {
  const sideBySide = useMediaQuery(SIDE_BY_SIDE);
  // The step whose diagram is on screen; any other step shows its card first.
  const [diagramOf, setDiagramOf] = useState<number | null>(null);
  const { presenting, viewing, canNext, canBack, next, back } = moves;
  const twoScreens = presenting && !sideBySide;
  const onDiagram = twoScreens && diagramOf === viewing;
  const slideNext = useCallback(() => {
    if (twoScreens && !onDiagram) return setDiagramOf(viewing);
    setDiagramOf(null);
    next();
  }, [twoScreens, onDiagram, viewing, next]);
  const slideBack = useCallback(() => {
    if (onDiagram) return setDiagramOf(null);
    if (!canBack) return;
    if (twoScreens) setDiagramOf(viewing - 1);
    back();
  }, [onDiagram, canBack, twoScreens, viewing, back]);
  const screen: PresenterScreen | undefined = !presenting ? undefined : !twoScreens ? 'both' : onDiagram ? 'diagram' : 'step';
  usePresenterPage(screen, root);
  if (!twoScreens) return { screen, canNext, canBack, next, back, nextShows: 'step' };
  return {
    screen,
    canNext: !onDiagram || canNext,
    canBack: onDiagram || canBack,
    next: slideNext,
    back: slideBack,
    nextShows: onDiagram ? 'step' : 'diagram',
  };
}

/**
 * The page around a presenting run, and focus across a swap of the two parts:
 * - `data-presenting` on <html> (globals.css hides the site header and the page's introduction): an attribute, not a
 *   `:has()` rule that every change of the page would have the browser re-match;
 * - one part per screen, the part that goes away may take the focused control with it (the hand-off's action on its
 *   card): focus then moves where a new step would put it (pickFocusTarget), not to the body. Only on a swap: entering
 *   presenter mode takes focus itself (FlowRun's toggle), and so does a new step (useStepFocus).
 */
function usePresenterPage(screen: PresenterScreen | undefined, root: RefObject<HTMLElement | null>): void {
  const layout = screen === undefined ? undefined : screen === 'both' ? 'side-by-side' : 'one-at-a-time';
  useEffect(() => {
    if (!layout) return;
    document.documentElement.setAttribute('data-presenting', layout);
    return () => document.documentElement.removeAttribute('data-presenting');
  }, [layout]);
  const shown = useRef(screen);
  useEffect(() => {
    const before = shown.current;
    shown.current = screen;
    const swapped = (before === 'step' && screen === 'diagram') || (before === 'diagram' && screen === 'step');
    if (swapped && root.current) pickFocusTarget(root.current, document.activeElement)?.focus();
  }, [screen, root]);
}
