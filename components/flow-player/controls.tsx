'use client';
import { useEffect, useId } from 'react';
import { focusKey } from './carry-focus';
import type { AutoPlaySetting, AutoPlaySpeed } from './persistence';
import { AUTO_PLAY_DELAY_MS, AUTO_PLAY_SPEEDS } from './use-auto-play';

export interface ControlsProps {
  canBack: boolean;
  canNext: boolean;
  autoPlay: AutoPlaySetting;
  status: string;
  /** What auto-play is doing: counting down, paused on a step that needs the learner, ended. */
  autoPlayStatus?: string;
  onBack: () => void;
  onNext: () => void;
  onReset: () => void;
  onAutoPlay: (setting: AutoPlaySetting) => void;
  presenting: boolean;
  onPresent: () => void;
}

const btn = 'rounded px-3 py-1.5 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-50';

const SPEED_LABEL: Readonly<Record<AutoPlaySpeed, string>> = { slow: 'Slow', normal: 'Normal', fast: 'Fast' };

/** "Normal (4 s per step)": the delay is part of the option's name. */
export const speedLabel = (s: AutoPlaySpeed) => `${SPEED_LABEL[s]} (${AUTO_PLAY_DELAY_MS[s] / 1000} s per step)`;

/**
 * Next, Back, Reset, Auto-play and its speed, Presenter mode, and the keys: → and ← step (and space while
 * presenting), Escape leaves presenter mode. Keys are ignored while typing in a field.
 */
export function Controls({
  canBack,
  canNext,
  autoPlay,
  status,
  autoPlayStatus,
  onBack,
  onNext,
  onReset,
  onAutoPlay,
  presenting,
  onPresent,
}: ControlsProps) {
  const speedId = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return;
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (e.key === 'Escape' && presenting) {
        e.preventDefault();
        onPresent();
        return;
      }
      // Space on a focused button or link is that control's own click.
      const space = e.key === ' ' && presenting && !(el && ['BUTTON', 'A', 'SUMMARY'].includes(el.tagName));
      if ((e.key === 'ArrowRight' || space) && canNext) {
        if (space) e.preventDefault();
        onNext();
      }
      if (e.key === 'ArrowLeft' && canBack) onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canNext, canBack, onNext, onBack, presenting, onPresent]);
  return (
    <div role="toolbar" aria-label="Flow controls" className="flex flex-wrap items-center gap-2">
      <button type="button" className={`${btn} border border-slate-300 bg-white text-slate-900`} disabled={!canBack} onClick={onBack}>
        ← Back
      </button>
      <button
        type="button"
        data-next-button=""
        className={`${btn} bg-indigo-700 text-white hover:bg-indigo-800`}
        disabled={!canNext}
        onClick={onNext}
      >
        Next →
      </button>
      <button
        type="button"
        className={`${btn} border border-slate-300 bg-white text-slate-900`}
        aria-pressed={autoPlay.on}
        onClick={() => onAutoPlay({ ...autoPlay, on: !autoPlay.on })}
      >
        Auto-play
      </button>
      <label htmlFor={speedId} className="sr-only">
        Auto-play speed
      </label>
      <select
        id={speedId}
        value={autoPlay.speed}
        onChange={(e) => onAutoPlay({ ...autoPlay, speed: e.target.value as AutoPlaySpeed })}
        className="rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
      >
        {AUTO_PLAY_SPEEDS.map((s) => (
          <option key={s} value={s}>
            {speedLabel(s)}
          </option>
        ))}
      </select>
      <button type="button" className={`${btn} border border-slate-300 bg-white text-slate-900`} onClick={onReset} {...focusKey('reset')}>
        Reset
      </button>
      <button
        type="button"
        className={`${btn} border border-slate-300 bg-white text-slate-900`}
        aria-pressed={presenting}
        onClick={onPresent}
        title="Large step card and diagram for a projector; → ← and space step through, Escape leaves"
      >
        Presenter mode
      </button>
      <span role="status" className="text-sm text-slate-700">
        {[status, autoPlayStatus].filter(Boolean).join(' ')}
      </span>
    </div>
  );
}
