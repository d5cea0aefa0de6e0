// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoRealm } from '@/lib/realms/descriptor';
import { FLOW_ACTORS } from './actors';
import { LazyFlowDiagram } from './lazy-flow-diagram';

const props = {
  actors: FLOW_ACTORS['client-credentials'],
  pastEdges: [],
  currentEdges: ['client->as:token'],
  knows: {},
  realm: demoRealm('http://localhost'),
};
const figure = () => screen.getByRole('figure', { name: 'Diagram: who talks to whom in this step' });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('LazyFlowDiagram', () => {
  it('is a placeholder of the same name in the server HTML, without any of React Flow', () => {
    const html = renderToString(<LazyFlowDiagram {...props} />);
    expect(html).toContain('Drawing the diagram…');
    expect(html).toContain('aria-label="Diagram: who talks to whom in this step"');
    expect(html).not.toContain('react-flow');
  });

  it('draws the parties once its code has loaded', async () => {
    render(<LazyFlowDiagram {...props} />);
    expect(await screen.findByText('Authorization Server', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(figure().getAttribute('aria-busy')).toBeNull();
  });

  it('with whenVisible, waits until its box nears the screen', async () => {
    let report: ((entries: { isIntersecting: boolean }[]) => void) | undefined;
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
          report = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    render(<LazyFlowDiagram whenVisible {...props} />);
    expect(figure().getAttribute('aria-busy')).toBe('true');
    act(() => report?.([{ isIntersecting: false }]));
    expect(screen.getByText('Drawing the diagram…')).toBeTruthy();
    act(() => report?.([{ isIntersecting: true }]));
    expect(await screen.findByText('Authorization Server', undefined, { timeout: 10_000 })).toBeTruthy();
  });
});
