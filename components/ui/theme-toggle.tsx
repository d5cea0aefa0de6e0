'use client';
import { useEffect, useId, useSyncExternalStore } from 'react';
import { applyTheme, isDark, parseTheme, THEME_KEY, type Theme } from '@/lib/theme/theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

function readStored(): Theme {
  try {
    return parseTheme(localStorage.getItem(THEME_KEY));
  } catch {
    return 'system'; // storage blocked: the OS setting decides
  }
}

const applyStored = () => applyTheme(document.documentElement, isDark(readStored(), window.matchMedia(DARK_QUERY).matches));

function subscribe(onChange: () => void): () => void {
  // Another tab's choice applies here too.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== THEME_KEY && e.key !== null) return;
    applyStored();
    onChange();
  };
  listeners.add(onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}

function choose(theme: Theme): void {
  try {
    if (theme === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Not remembered, still applied for this page.
  }
  applyStored();
  for (const l of listeners) l();
}

/** System / light / dark, remembered in localStorage. The first paint is already right (THEME_SCRIPT in the root layout). */
export function ThemeToggle() {
  const id = useId();
  const theme = useSyncExternalStore(subscribe, readStored, () => 'system' as Theme);
  // Following the system: an OS switch (e.g. at sunset) recolours the open page. Nothing is applied on mount:
  // the pre-paint script did, and the first (hydration) render only knows the server's 'system'.
  useEffect(() => {
    if (theme !== 'system') return;
    const media = window.matchMedia(DARK_QUERY);
    media.addEventListener('change', applyStored);
    return () => media.removeEventListener('change', applyStored);
  }, [theme]);
  return (
    <div className="flex items-center">
      <label htmlFor={id} className="sr-only">
        Colour theme
      </label>
      <select
        id={id}
        value={theme}
        onChange={(e) => choose(parseTheme(e.target.value))}
        className="rounded border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-900"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  );
}
