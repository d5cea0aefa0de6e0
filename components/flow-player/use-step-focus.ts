'use client';
import { type RefObject, useCallback, useEffect, useRef } from 'react';

/** The attribute a step panel puts on its primary action (the AS hand-off's "Go to the authorization server"). */
export const PRIMARY_ACTION = 'data-primary-action';

/**
 * Where keyboard focus goes when a new step appears after the learner's action (Next, auto-play) or the
 * return from the AS: the step's primary action, else Next when it can be pressed, else the step's
 * heading. Without it focus falls to the body (the Next button is disabled while the request is in
 * flight, and the page reloads on the way back from the AS), dozens of Tab presses from the action.
 *
 * Focus moves only when it was lost (on the body, on a disabled control) or on Next itself: a learner
 * who has moved on to a link, a field or the step list keeps their place.
 */
export function pickFocusTarget(root: ParentNode, active: Element | null): HTMLElement | undefined {
  const next = root.querySelector<HTMLButtonElement>('[data-next-button]');
  const lost =
    !active || active === document.body || (active as HTMLButtonElement).disabled === true || active === next || !active.isConnected;
  if (!lost) return undefined;
  const primary = root.querySelector<HTMLElement>(`[${PRIMARY_ACTION}]:not([disabled])`);
  if (primary) return primary;
  if (next && !next.disabled) return next;
  const heading = root.querySelector<HTMLElement>('#step-title');
  // A heading is not focusable by itself: -1 takes it out of the Tab order but lets a script focus it.
  if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  return heading ?? undefined;
}

/**
 * `expect()` is called when the learner acts; once the trail has grown past that point and the step has
 * settled (no request in flight), focus moves as {@link pickFocusTarget} says, once.
 */
export function useStepFocus(root: RefObject<HTMLElement | null>, trailLength: number, settled: boolean): () => void {
  const after = useRef<number | undefined>(undefined);
  const length = useRef(trailLength);
  useEffect(() => {
    length.current = trailLength;
  }, [trailLength]);
  useEffect(() => {
    if (after.current === undefined || trailLength <= after.current || !settled || !root.current) return;
    after.current = undefined;
    pickFocusTarget(root.current, document.activeElement)?.focus();
  }, [trailLength, settled, root]);
  return useCallback(() => {
    after.current = length.current;
  }, []);
}
