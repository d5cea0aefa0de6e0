// The full script weight of a page: every script request the page actually makes (Playwright network
// events), each body gzip-compressed here (level 9), summed. Unlike Next's "first load JS" figure this
// counts chunks requested after hydration too, so a chunk that is not lazy cannot hide.
import { gzipSync } from 'node:zlib';

/** Opens `url` in a fresh `page`, waits until the network is idle and `settleMs` more, and sums its scripts. */
export async function pageScripts(page, url, settleMs = 1500) {
  const bodies = [];
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
  await page.waitForTimeout(settleMs);
  const files = (await Promise.all(bodies)).sort((a, b) => b.gzip - a.gzip);
  return { files, raw: files.reduce((n, f) => n + f.raw, 0), gzip: files.reduce((n, f) => n + f.gzip, 0) };
}
