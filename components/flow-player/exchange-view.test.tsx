// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '@/lib/http-trace/types';
import { ExchangeView, frameworkPart } from './exchange-view';

afterEach(cleanup);

describe('frameworkPart', () => {
  it.each([
    [
      'vary',
      'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding',
      '',
      'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding',
    ],
    ['vary', 'Origin, rsc', 'Origin', 'rsc'],
    ['Vary', 'RSC, Next-URL', '', 'RSC, Next-URL'],
    ['vary', 'Origin', 'Origin', ''],
    ['x-nextjs-cache', 'HIT', '', 'HIT'],
    ['cache-control', 'no-store', 'no-store', ''],
    ['www-authenticate', 'Bearer realm="rsc"', 'Bearer realm="rsc"', ''],
  ])('%s: %s', (name, value, own, framework) => {
    expect(frameworkPart(name, value)).toEqual({ own, framework });
  });
});

const exchange: Exchange = {
  id: 'x',
  step: 'tokenRequest',
  from: 'client',
  to: 'as',
  channel: 'back',
  request: { method: 'POST', url: 'http://localhost:3000/as/demo/token', headers: { vary: 'rsc' }, body: 'grant_type=client_credentials' },
  response: {
    status: 200,
    headers: { 'cache-control': 'no-store', vary: 'rsc, next-router-state-tree, Accept-Encoding' },
    body: '{}',
    ms: 3,
  },
  tokens: [],
};

describe('ExchangeView', () => {
  it('marks the Vary values Next.js adds in the response, and nothing in the request', () => {
    render(<ExchangeView exchange={exchange} />);
    const response = screen.getByLabelText('HTTP response');
    expect(response.textContent).toContain(
      'vary: rsc, next-router-state-tree, Accept-Encoding ← added by Next.js, not by the OAuth server',
    );
    expect(response.textContent).toContain('cache-control: no-store');
    expect(response.textContent?.match(/added by Next\.js/g)).toHaveLength(1);
    expect(screen.getByLabelText('HTTP request').textContent).not.toContain('added by Next.js');
  });
});
