// The full script weight of a page: every script request the page actually makes (Playwright network
// events), each body gzip-compressed here (level 9), summed. Unlike Next's "first load JS" figure this
// counts chunks requested after hydration too, so a chunk that is not lazy cannot hide.
// The app's links prefetch a route only on hover, touch or focus (components/ui/intent-link.tsx), so a load
// makes no prefetch; should one happen (a pointer resting on a link), it and the client chunks it would load
// are the next page's weight, not this one's: prefetch requests (header `Next-Router-Prefetch`) are aborted
// here and counted, so the figure is the page's own.
import { gzipSync } from 'node:zlib';

/**
 * Opens `url` in a fresh `page`, waits until the network is idle, then for `ready(page)` (e.g. the player's
 * first step, which loads its chunks after the lab realm is made) and `settleMs` more, and sums its scripts.
 */
export async function pageScripts(page, url, settleMs = 1500, ready = async () => {}) {
  const bodies = [];
  let prefetches = 0;
  await page.route('**/*', (route) => {
    if (!route.request().headers()['next-router-prefetch']) return route.continue();
    prefetches++;
    return route.abort();
  });
  page.on('requestfinished', (req) => {
    if (req.resourceType() !== 'script') return;
    bodies.push(
      req.response().then(async (res) => {
        const body = res ? await res.body() : Buffer.alloc(0);
        return { url: req.url(), raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
      }),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await ready(page);
  await page.waitForTimeout(settleMs);
  const files = (await Promise.all(bodies)).sort((a, b) => b.gzip - a.gzip);
  return { files, prefetches, raw: files.reduce((n, f) => n + f.raw, 0), gzip: files.reduce((n, f) => n + f.gzip, 0) };
}
