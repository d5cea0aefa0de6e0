// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRealmEndpoint } from '@/lib/realms/api';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { setServerStore } from '@/lib/realms/registry';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { FlowPlayer } from './flow-player';

/**
 * The player as a learner uses it, in jsdom: the machine's real actors send real requests, answered
 * in-process by the embedded servers (window.fetch → the same router the integration tests use).
 */
let requests: string[] = [];

beforeEach(() => {
  setServerStore(new MemoryStore());
  sessionStorage.clear();
  window.history.replaceState(null, '', '/flows/client-credentials');
  requests = [];
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, window.location.origin);
    requests.push(`${init?.method ?? (input instanceof Request ? input.method : 'GET')} ${url.pathname}`);
    return inProcessFetch(input instanceof Request ? input : url, init);
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const next = () => screen.getByRole('button', { name: 'Next →' });
const enabled = () => waitFor(() => expect((next() as HTMLButtonElement).disabled).toBe(false), { timeout: 10_000 });

describe('FlowPlayer', () => {
  it('plays client credentials against the servers; Back reviews a step without sending anything again', async () => {
    render(<FlowPlayer slug="client-credentials" />);
    expect(await screen.findByRole('heading', { name: 'Discover the authorization server' }, { timeout: 10_000 })).toBeTruthy();
    await enabled();
    expect(requests).toContain('GET /as/demo/.well-known/openid-configuration');

    fireEvent.click(next());
    expect(await screen.findByRole('heading', { name: 'Ask for a token as the client itself' }, { timeout: 10_000 })).toBeTruthy();
    await enabled();
    expect(screen.getAllByLabelText('HTTP request')[0].textContent).toContain('authorization: Basic c2VydmljZTpzZXJ2aWNlLXNlY3JldA==');
    expect(screen.getAllByLabelText('HTTP response')[0].textContent).toContain('HTTP/1.1 200');

    fireEvent.click(next());
    expect(await screen.findByRole('heading', { name: 'Call the API' }, { timeout: 10_000 })).toBeTruthy();
    await enabled();
    expect(requests).toContain('GET /rs/demo/photos');
    // The checklist is the RS's own report of that answer (its Flowlab-Checks header).
    const report = screen.getByRole('region', { name: 'What the resource server checked (RFC 9068 §4)' }).textContent ?? '';
    expect(report).toContain('passed: Token has the scope this endpoint needs');
    expect(report).not.toContain('failed:');
    const sent = requests.length;

    fireEvent.click(screen.getByRole('button', { name: '← Back' }));
    expect(await screen.findByRole('heading', { name: 'Ask for a token as the client itself' }, { timeout: 10_000 })).toBeTruthy();
    expect(window.location.search).toBe('?step=2');
    expect(screen.getByRole('toolbar', { name: 'Flow controls' }).textContent).toContain('Reviewing step 2; nothing is sent again.');
    expect(requests.length).toBe(sent);

    // The run is saved per tab, so a reload (or the trip to an AS) resumes it.
    const saved = JSON.parse(sessionStorage.getItem('flowlab:flow:client-credentials')!);
    expect(saved.snapshot.context.trail).toEqual(['discover', 'tokenRequest', 'callApi']);
  });

  it('reports a saved run it cannot restore instead of a blank page, and starts afresh on request', async () => {
    sessionStorage.setItem(
      'flowlab:flow:client-credentials',
      JSON.stringify({
        options: { client: 'service', authMethod: 'client_secret_basic', scope: 'photos:read' },
        snapshot: { status: 'active', value: 'gone', context: {}, children: {} },
      }),
    );
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<FlowPlayer slug="client-credentials" />);
    expect(await screen.findByText('This run could not be restored.', undefined, { timeout: 10_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start the flow again' }));
    expect(await screen.findByRole('heading', { name: 'Discover the authorization server' }, { timeout: 10_000 })).toBeTruthy();
    expect(sessionStorage.getItem('flowlab:flow:client-credentials') ?? '').not.toContain('"gone"');
    spy.mockRestore();
  });

  it('plays against the realm it is given: requests go to that realm\u2019s AS and RS, and the diagram names it', async () => {
    const created = await createRealmEndpoint(
      new Request('http://localhost:3000/api/realms', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ weaknesses: ['rs-skips-aud'] }),
      }),
      window.location.origin,
    );
    const realm = (await created.json()) as RealmDescriptor;
    render(<FlowPlayer slug="client-credentials" realm={realm} />);
    expect(await screen.findByRole('heading', { name: 'Discover the authorization server' }, { timeout: 10_000 })).toBeTruthy();
    await enabled();
    expect(requests).toContain(`GET /as/${realm.id}/.well-known/openid-configuration`);
    // The diagram's code loads on its own (lazy-flow-diagram.tsx): its placeholder first, then the picture.
    await waitFor(() => expect(screen.getByRole('figure', { name: /Diagram/ }).textContent).toContain(`/rs/${realm.id}`), {
      timeout: 10_000,
    });
    fireEvent.click(next());
    await enabled();
    fireEvent.click(next());
    expect(await screen.findByRole('heading', { name: 'Call the API' }, { timeout: 10_000 })).toBeTruthy();
    await enabled();
    expect(requests).toContain(`GET /rs/${realm.id}/photos`);
    const report = screen.getByRole('region', { name: 'What the resource server checked (RFC 9068 §4)' }).textContent ?? '';
    expect(report).toContain('skipped: skippedaud names this resource server');
  });

  it('lists all four steps from the start with the true total, and ends with the run’s export (Mermaid text, one arrow per exchange)', async () => {
    render(<FlowPlayer slug="client-credentials" />);
    expect(await screen.findByRole('heading', { name: 'Discover the authorization server' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('Step 1 of 4')).toBeTruthy();
    const list = screen.getByRole('navigation', { name: 'Steps of this run' });
    expect(list.querySelectorAll('li')).toHaveLength(4);
    expect(list.querySelectorAll('li[data-ahead]')).toHaveLength(3);
    await enabled();
    for (const title of ['Ask for a token as the client itself', 'Call the API']) {
      fireEvent.click(next());
      expect(await screen.findByRole('heading', { name: title }, { timeout: 10_000 })).toBeTruthy();
      await enabled();
    }
    expect(screen.getByText('Step 3 of 4')).toBeTruthy();
    fireEvent.click(next());
    const text = (await screen.findByLabelText('Mermaid sequence diagram', undefined, { timeout: 10_000 })) as HTMLTextAreaElement;
    expect(screen.getByText('Step 4 of 4')).toBeTruthy();
    expect(text.value).toMatch(/^sequenceDiagram\n  title Flowlab: Client credentials\n/);
    expect(text.value.match(/->>/g)?.length).toBeGreaterThanOrEqual(3);
    expect(text.value).toContain('Client->>AuthServer: POST /as/demo/token');
    expect(text.value).toContain('Client->>ResourceServer: GET /rs/demo/photos');
    expect(screen.getByRole('button', { name: 'Download HAR' })).toBeTruthy();
    // Four real round trips through the in-process servers: slow on a loaded machine, so a longer limit than the default.
  }, 60_000);

  it('says so when the grant is unknown', async () => {
    render(<FlowPlayer slug="no-such-grant" />);
    expect(await screen.findByText(/This flow could not be loaded/)).toBeTruthy();
  });
});
