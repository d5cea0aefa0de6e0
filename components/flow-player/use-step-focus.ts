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
 * settled (no request in flight), focus moves as {@link pickFocusTarget} says, once. A step whose primary
 * action is there while its requests go on (the device flow's TV polls until the user approves on the
 * verification page it links to) gets focus on it at once: waiting would leave focus on the body; and
 * when that step moves on by itself, focus moves again if it was lost with the action.
 */
export function useStepFocus(root: RefObject<HTMLElement | null>, trailLength: number, settled: boolean): () => void {
  const after = useRef<number | undefined>(undefined);
  const length = useRef(trailLength);
  useEffect(() => {
    length.current = trailLength;
  }, [trailLength]);
  useEffect(() => {
    if (after.current === undefined || trailLength <= after.current || !root.current) return;
    if (!settled && !root.current.querySelector(`[${PRIMARY_ACTION}]:not([disabled])`)) return;
    pickFocusTarget(root.current, document.activeElement)?.focus();
    // Still busy: the step may move on by itself (the poll that brings the tokens) and take the action away with it.
    after.current = settled ? undefined : trailLength;
  }, [trailLength, settled, root]);
  return useCallback(() => {
    after.current = length.current;
  }, []);
}
