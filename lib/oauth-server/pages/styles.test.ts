import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AS_DARK, AS_LIGHT, type AsPalette } from './styles';

/** WCAG 2.2 relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** [foreground, background, minimum]: text at 4.5:1 (WCAG 1.4.3), borders and focus rings at 3:1 (WCAG 1.4.11). */
const PAIRS: [keyof AsPalette, keyof AsPalette, number][] = [
  ['text', 'page', 4.5],
  ['muted', 'page', 4.5],
  ['text', 'card', 4.5],
  ['accent', 'card', 4.5], // secondary buttons, the Fill buttons, the skip link
  ['onAccent', 'accent', 4.5], // the header band, the primary button
  ['text', 'hint', 4.5],
  ['errorText', 'errorBg', 4.5],
  ['warningText', 'warningBg', 4.5],
  ['field', 'card', 3],
  ['accent', 'page', 3], // the focus ring outside the card
  ['accent', 'hint', 3], // the focus ring of a Fill button, the hint's border
];

describe('AS page palettes', () => {
  for (const [name, palette] of [
    ['light', AS_LIGHT],
    ['dark', AS_DARK],
  ] as const) {
    it(`${name}: every text and control pair meets WCAG AA`, () => {
      for (const [fg, bg, min] of PAIRS) {
        expect(contrast(palette[fg], palette[bg]), `${name} ${fg} on ${bg}`).toBeGreaterThanOrEqual(min);
      }
    });
  }

  it('the accent is the AS party colour of the diagram, in both themes (app/globals.css --party-as)', () => {
    const css = readFileSync(new URL('../../../app/globals.css', import.meta.url), 'utf8');
    const values = [...css.matchAll(/--party-as:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1].toLowerCase());
    expect(values).toEqual([AS_LIGHT.accent, AS_DARK.accent]);
  });
});
