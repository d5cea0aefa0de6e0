'use client';
import { useCallback, useEffect, useState } from 'react';
import { takeReturnPresenting } from './persistence';

/** The step on screen lives in `?step=N` (1-based) so a trainer can link to it. `null` follows the latest step. */
export function useStepUrl(): [number | null, (n: number | null) => void] {
  const [step, setStep] = useState<number | null>(null);
  useEffect(() => {
    const url = new URL(window.location.href);
    const asked = url.searchParams.get('step');
    if (asked === null) return;
    const n = Number(asked);
    // Reading the URL once after hydration: the server render has no search params to agree with.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (/^[1-9][0-9]{0,3}$/.test(asked)) setStep(n);
    else {
      // `?step=0`, `abc`, `-1`, `1e3`: not a step; the URL stops claiming one.
      url.searchParams.delete('step');
      window.history.replaceState(window.history.state, '', url);
    }
  }, []);
  const update = useCallback((n: number | null) => {
    setStep(n);
    const url = new URL(window.location.href);
    if (n === null) url.searchParams.delete('step');
    else url.searchParams.set('step', String(n));
    window.history.replaceState(window.history.state, '', url);
  }, []);
  return [step, update];
}

/**
 * Presenter mode lives in `?present=1`: a trainer's link opens on the projector view (options and
 * step list hidden, the step card, diagram and outcome large; ← → and space step through). A run
 * that left for the AS or Mallory's site in presenter mode comes back in it (`takeReturnPresenting`).
 */
export function usePresenterUrl(runKey: string): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(false);
  const update = useCallback((next: boolean) => {
    setOn(next);
    const url = new URL(window.location.href);
    if (next) url.searchParams.set('present', '1');
    else url.searchParams.delete('present');
    window.history.replaceState(window.history.state, '', url);
  }, []);
  useEffect(() => {
    // Read once after hydration, as the step is (the same one-time read as useStepUrl's).
    const back = takeReturnPresenting(runKey);
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (back || new URLSearchParams(window.location.search).get('present') === '1') update(true);
  }, [runKey, update]);
  return [on, update];
}
