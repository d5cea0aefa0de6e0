'use client';
import { useEffect } from 'react';

export interface ControlsProps {
  canBack: boolean;
  canNext: boolean;
  autoPlay: boolean;
  status: string;
  onBack: () => void;
  onNext: () => void;
  onReset: () => void;
  onAutoPlay: () => void;
  presenting: boolean;
  onPresent: () => void;
}

const btn = 'rounded px-3 py-1.5 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-50';

/** Next, Back, Reset, Auto-play, Presenter mode, and the ←/→ keys (and space while presenting; ignored while typing in a field). */
export function Controls({ canBack, canNext, autoPlay, status, onBack, onNext, onReset, onAutoPlay, presenting, onPresent }: ControlsProps) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
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
  }, [canNext, canBack, onNext, onBack, presenting]);
  return (
    <div role="toolbar" aria-label="Flow controls" className="flex flex-wrap items-center gap-2">
      <button type="button" className={`${btn} border border-slate-300 bg-white text-slate-900`} disabled={!canBack} onClick={onBack}>
        ← Back
      </button>
      <button type="button" className={`${btn} bg-indigo-700 text-white hover:bg-indigo-800`} disabled={!canNext} onClick={onNext}>
        Next →
      </button>
      <button type="button" className={`${btn} border border-slate-300 bg-white text-slate-900`} aria-pressed={autoPlay} onClick={onAutoPlay}>
        Auto-play
      </button>
      <button type="button" className={`${btn} border border-slate-300 bg-white text-slate-900`} onClick={onReset}>
        Reset
      </button>
      <button type="button" className={`${btn} border border-slate-300 bg-white text-slate-900`} aria-pressed={presenting} onClick={onPresent} title="Large step card and diagram for a projector; → ← and space step through">
        Presenter mode
      </button>
      <span role="status" className="text-sm text-slate-700">
        {status}
      </span>
    </div>
  );
}
