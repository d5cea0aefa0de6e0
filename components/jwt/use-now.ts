'use client';
import { useSyncExternalStore } from 'react';

// One shared clock for every inspector on the page, ticking every 10 s so "expires in" stays true.
let now = Math.floor(Date.now() / 1000);
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  if (!timer) {
    timer = setInterval(() => {
      now = Math.floor(Date.now() / 1000);
      listeners.forEach((l) => l());
    }, 10_000);
  }
  now = Math.floor(Date.now() / 1000);
  return () => {
    listeners.delete(cb);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Seconds since 1970 on the client; 0 while server-rendering (time views wait for the browser). */
export function useNowSeconds(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => 0,
  );
}
