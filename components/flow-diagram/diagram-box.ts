/**
 * The diagram's frame and drawing box, one source for the picture and its placeholder (nothing moves when the picture
 * arrives). The layout (actors.ts) is 896×560, 8:5.
 * - Normal: the width of its column, and at least 40rem: on a phone the picture keeps a legible size and scrolls
 *   sideways inside its own box, never the page.
 * - Large (presenter mode): the width of its column as far as the screen's height allows, so that the whole picture is
 *   on screen under the player's controls and the step's heading (about 8.5rem), and at least 30rem.
 */
const FRAME = 'rounded-lg border border-slate-200 bg-slate-50';
const BOX = 'aspect-[8/5] w-full';

export function diagramFrame(large: boolean): { figure: string; box: string } {
  return large
    ? { figure: `mx-auto max-w-[calc((100dvh_-_8.5rem)_*_1.6)] ${FRAME}`, box: `${BOX} min-w-[30rem]` }
    : { figure: FRAME, box: `${BOX} min-w-[40rem]` };
}
