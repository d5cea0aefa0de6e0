// The JavaScript a page loads on a cold visit: every script response, measured raw and gzip-compressed
// here (level 9), so the figure does not depend on how the server chose to compress.
import { gzipSync } from 'node:zlib';

/** Opens `url` in `page` (fresh, nothing cached) and sums its scripts once the network is idle. */
export async function firstLoadJs(page, url) {
  const scripts = new Map();
  page.on('response', async (res) => {
    if (res.request().resourceType() !== 'script') return;
    try {
      const body = await res.body();
      scripts.set(res.url(), { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    } catch {
      /* a script body that cannot be read is left out */
    }
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return [...scripts.values()].reduce((a, s) => ({ files: a.files + 1, raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), {
    files: 0,
    raw: 0,
    gzip: 0,
  });
}
