// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChecklistView } from './checklist-view';

afterEach(cleanup);

describe('ChecklistView', () => {
  it('says skipped and weakened in words, apart from passed and failed', () => {
    render(
      <ChecklistView
        title="What the resource server checked"
        checks={[
          { name: 'alg', passed: true, detail: 'passed', spec: 'RFC 8725 §3.1' },
          { name: 'aud', passed: false, outcome: 'skipped', detail: 'skipped by this lab realm', spec: 'RFC 9068 §4' },
          { name: 'key', passed: true, outcome: 'weakened', detail: 'weakened by this lab realm', spec: 'RFC 8725 §3.10' },
          { name: 'exp', passed: false, detail: 'expired', spec: 'RFC 7519 §4.1.4' },
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toMatch(/^✔passed: alg/);
    expect(items[1]).toMatch(/^⚠skipped: skippedaud/);
    expect(items[2]).toMatch(/^⚠weakened: weakenedkey/);
    expect(items[3]).toMatch(/^✘failed: exp/);
  });

  it('says plainly that there is nothing to show, instead of an empty list', () => {
    render(<ChecklistView title="What the resource server checked" checks={[]} empty="The resource server sent no report." />);
    expect(screen.getByRole('region', { name: 'What the resource server checked' }).textContent).toContain(
      'The resource server sent no report.',
    );
    expect(screen.queryByRole('list')).toBeNull();
  });
});
