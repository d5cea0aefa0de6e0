'use client';
import { useCallback, useEffect, useState } from 'react';
import type { StepMeta } from '@/machines/step-meta';
import { type AutoPlaySetting, type AutoPlaySpeed, loadAutoPlay, saveAutoPlay } from './persistence';

/** How long each speed shows a settled step before auto-play presses Next: time for a trainer to say something. */
export const AUTO_PLAY_DELAY_MS: Readonly<Record<AutoPlaySpeed, number>> = { slow: 8000, normal: 4000, fast: 2000 };

export const AUTO_PLAY_SPEEDS: readonly AutoPlaySpeed[] = ['slow', 'normal', 'fast'];

export interface AutoPlayStep {
  /** The learner looks at the live step (not reviewing an earlier one). */
  live: boolean;
  /** A request is in flight. */
  running: boolean;
  /** The machine takes Next here. */
  canAdvance: boolean;
  meta?: StepMeta;
  /** Presenter mode, one part of a step per screen, on a step's card: Next shows this step's diagram, not the next step. */
  nextShows?: 'step' | 'diagram';
}

/**
 * Why auto-play does not press Next on this step, or undefined when it will. It stops on every step
 * whose meta marks a pause (the sign-in hand-off, consent and device approval on the AS, a learner's
 * button such as "Replay the spent refresh token", the end) and on any step that does not take Next.
 */
export function autoPlayHold(s: AutoPlayStep): 'end' | 'learner' | 'busy' | 'review' | undefined {
  if (!s.live) return 'review';
  // The last step's card, one part per screen: its diagram (the whole run) is still to show.
  if (s.meta?.pause === 'end') return s.nextShows === 'diagram' ? undefined : 'end';
  if (s.running) return 'busy';
  if (s.meta?.pause || !s.canAdvance) return 'learner';
  return undefined;
}

export function autoPlayStatus(
  setting: AutoPlaySetting,
  hold: ReturnType<typeof autoPlayHold>,
  nextShows: AutoPlayStep['nextShows'] = 'step',
): string {
  if (!setting.on) return '';
  const seconds = AUTO_PLAY_DELAY_MS[setting.speed] / 1000;
  switch (hold) {
    case 'end':
      return 'Auto-play: the run has ended.';
    case 'learner':
      return 'Auto-play paused: this step needs you. It goes on by itself once you have acted.';
    case 'busy':
      return 'Auto-play: waiting for the server…';
    case 'review':
      return 'Auto-play paused while you review an earlier step.';
    default:
      return nextShows === 'diagram' ? `Auto-play: this step’s diagram in ${seconds} s.` : `Auto-play: next step in ${seconds} s.`;
  }
}

/** Auto-play's setting (kept for the tab) and the timer that presses Next when the step allows it. */
export function useAutoPlay(step: AutoPlayStep, advance: () => void): [AutoPlaySetting, (s: AutoPlaySetting) => void, string] {
  const [setting, setSetting] = useState<AutoPlaySetting>({ on: false, speed: 'normal' });
  useEffect(() => {
    // sessionStorage exists only in the browser: read after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSetting(loadAutoPlay());
  }, []);
  const update = useCallback((s: AutoPlaySetting) => {
    setSetting(s);
    saveAutoPlay(s);
  }, []);
  const hold = autoPlayHold(step);
  useEffect(() => {
    if (!setting.on || hold) return;
    const t = setTimeout(advance, AUTO_PLAY_DELAY_MS[setting.speed]);
    return () => clearTimeout(t);
  }, [setting, hold, advance, step.meta]);
  return [setting, update, autoPlayStatus(setting, hold, step.nextShows)];
}
