/** An executable path for Chromium, or undefined to let Playwright use its own browser. */
export function findChromium(): string | undefined;
