'use client';
import { type RefObject, useEffect } from 'react';

/**
 * The attribute that names a control across a restart. Reset, "Apply and restart" and an attack's Server
 * switch start a new run, and a new run is a new tree (the run's `key` changes): the control the learner
 * pressed is unmounted with the old run, and focus would fall to the body. A control that carries this
 * attribute is found again by its name in the new run and focused, so keyboard users keep their place.
 */
export const FOCUS_KEY = 'data-focus-key';

/** Props that name a control for {@link useCarriedFocus}: `<button {...focusKey('reset')}>`. */
export const focusKey = (name: string) => ({ [FOCUS_KEY]: name });

/** The name of the control that has focus, when it carries one ({@link FOCUS_KEY}). */
export function focusKeyOf(active: Element | null): string | undefined {
  return active?.closest(`[${FOCUS_KEY}]`)?.getAttribute(FOCUS_KEY) ?? undefined;
}

/** On mount, focus the control named `key` inside `root` (the one pressed in the run this one replaced). */
export function useCarriedFocus(root: RefObject<HTMLElement | null>, key: string | undefined): void {
  useEffect(() => {
    if (!key || !root.current) return;
    // Compared as a string, not put into a selector: a name needs no escaping.
    const named = [...root.current.querySelectorAll<HTMLElement>(`[${FOCUS_KEY}]`)].find((el) => el.getAttribute(FOCUS_KEY) === key);
    named?.focus();
    // Once, when this run mounts: a later render is not a restart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
