// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ClaimsTable } from './claims-table';
import { FindingsList } from './findings-list';

afterEach(cleanup);
const NOW = 1_700_000_000;

describe('ClaimsTable', () => {
  it('explains registered, OIDC and RFC 9068 claims with links, and shows times three ways', () => {
    render(
      <ClaimsTable
        kind="claims"
        caption="Claims"
        nowSeconds={NOW}
        data={{ iss: 'https://as', exp: NOW - 180, nonce: 'n', client_id: 'spa', custom: 1 }}
      />,
    );
    const row = (name: string) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    expect(within(row('iss')).getByRole('link', { name: 'RFC 7519 §4.1.1' }).getAttribute('href')).toContain('rfc7519#section-4.1.1');
    expect(within(row('exp')).getByText(/3 minutes ago · .* \(local\) · 2023-11-14T22:10:20Z/)).toBeTruthy();
    expect(within(row('nonce')).getByRole('link', { name: 'OIDC Core §2' })).toBeTruthy();
    expect(within(row('client_id')).getByRole('link', { name: 'RFC 9068 §2.2' })).toBeTruthy();
    expect(within(row('custom')).getByText(/A private claim name/)).toBeTruthy();
    expect(within(row('custom')).getByRole('link', { name: 'RFC 7519 §4.3' })).toBeTruthy();
  });

  it('writes the claims that name a party in that party’s colour: iss the AS, client_id the client, sub the user or the client', () => {
    const cls = (name: string) => screen.getByRole('rowheader', { name }).className;
    render(
      <ClaimsTable
        kind="claims"
        caption="Claims"
        nowSeconds={NOW}
        data={{ iss: 'https://as', sub: 'alice', client_id: 'spa', aud: 'https://rs' }}
      />,
    );
    expect([cls('iss'), cls('sub'), cls('client_id')]).toEqual([
      expect.stringContaining('text-party-as'),
      expect.stringContaining('text-party-user'),
      expect.stringContaining('text-party-client'),
    ]);
    expect(cls('aud')).not.toMatch(/party/);
    cleanup();
    render(<ClaimsTable kind="claims" caption="Claims" nowSeconds={NOW} data={{ sub: 'worker', client_id: 'worker' }} />);
    expect(cls('sub')).toContain('text-party-client');
    cleanup();
    render(<ClaimsTable kind="header" caption="Header" nowSeconds={NOW} data={{ iss: 'https://as' }} />);
    expect(cls('iss')).not.toMatch(/party/);
  });

  it('does not print times before the client clock is known (server render)', () => {
    render(<ClaimsTable kind="claims" caption="Claims" nowSeconds={0} data={{ exp: NOW }} />);
    expect(screen.queryByText(/ago|in /)).toBeNull();
  });
});

describe('FindingsList', () => {
  it('lists findings with severity and citation links, or says there are none', () => {
    const { rerender } = render(
      <FindingsList
        findings={[
          { id: 'alg-none', severity: 'high', title: 'Unsecured', detail: 'd', cite: [{ label: 'RFC 8725 §3.1', href: 'https://x' }] },
        ]}
      />,
    );
    const item = within(screen.getByRole('list', { name: 'Security findings' })).getByRole('listitem');
    expect(item.textContent).toContain('high');
    expect(within(item).getByRole('link', { name: 'RFC 8725 §3.1' })).toBeTruthy();
    rerender(<FindingsList findings={[]} />);
    expect(screen.getByText('No security findings.')).toBeTruthy();
  });
});
