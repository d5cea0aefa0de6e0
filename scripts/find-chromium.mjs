// Finds a Chromium for Playwright: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own download.
import { existsSync } from 'node:fs';

/** @returns {string | undefined} an executable path, or undefined to let Playwright use its own browser */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
