// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StepMeta } from '@/machines/step-meta';
import { Timeline } from './timeline';

const meta = (title: string): StepMeta => ({ title, explanation: '', specs: [], notice: [], edges: [] });
const STEPS = { a: meta('Discover'), b: meta('Ask for a token'), c: meta('Call the API'), d: meta('Done') };

afterEach(cleanup);

describe('Timeline', () => {
  it('lists every step from the start; only the steps taken are buttons', () => {
    const onPick = vi.fn();
    render(<Timeline plan={['a', 'b', 'c', 'd']} reached={2} approximate={false} steps={STEPS} viewing={2} onPick={onPick} />);
    const list = within(screen.getByRole('navigation', { name: 'Steps of this run' }));
    expect(list.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '1. Discover',
      '2. Ask for a token',
      '3. Call the API (not reached yet)',
      '4. Done (not reached yet)',
    ]);
    expect(list.getAllByRole('button').map((b) => b.textContent)).toEqual(['1. Discover', '2. Ask for a token']);
    expect(list.getByRole('button', { name: '2. Ask for a token' }).getAttribute('aria-current')).toBe('step');
    fireEvent.click(list.getByRole('button', { name: '1. Discover' }));
    expect(onPick).toHaveBeenCalledWith(1);
  });

  it('says why the total is "about" when a fork ahead may shorten the run', () => {
    render(<Timeline plan={['a', 'b']} reached={1} approximate steps={STEPS} viewing={1} onPick={() => undefined} />);
    expect(screen.getByText(/the longest way this run can go/)).toBeTruthy();
  });
});
