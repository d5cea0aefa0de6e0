// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { focusKey, focusKeyOf, useCarriedFocus } from './carry-focus';

afterEach(cleanup);

/** A run whose key changes on Restart, as FlowPlayer's does: the whole tree is new. */
function Run({ carried, onRestart }: { carried?: string; onRestart: () => void }) {
  const root = useRef<HTMLDivElement>(null);
  useCarriedFocus(root, carried);
  return (
    <div ref={root}>
      <button type="button">Next</button>
      <button type="button" onClick={onRestart} {...focusKey('reset')}>
        Reset
      </button>
      <label>
        <input type="radio" name="server" {...focusKey('server-hardened')} /> Hardened
      </label>
    </div>
  );
}

function Player() {
  const [run, setRun] = useState<{ key: number; carried?: string }>({ key: 0 });
  return (
    <Run key={run.key} carried={run.carried} onRestart={() => setRun({ key: run.key + 1, carried: focusKeyOf(document.activeElement) })} />
  );
}

describe('carried focus across a restart', () => {
  it('focuses the new run’s control of the same name as the one pressed', () => {
    render(<Player />);
    const before = screen.getByRole('button', { name: 'Reset' });
    before.focus();
    fireEvent.click(before);
    const after = screen.getByRole('button', { name: 'Reset' });
    expect(after).not.toBe(before); // a new element: the run remounted
    expect(document.activeElement).toBe(after);
  });

  it('leaves focus alone when the control pressed has no name (a click from the mouse on nothing focusable)', () => {
    render(<Player />);
    screen.getByRole('button', { name: 'Next' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(document.activeElement).toBe(document.body);
  });

  it('reads the name from the element or the nearest ancestor that carries one', () => {
    render(<Player />);
    expect(focusKeyOf(screen.getByRole('radio'))).toBe('server-hardened');
    expect(focusKeyOf(screen.getByRole('button', { name: 'Next' }))).toBeUndefined();
    expect(focusKeyOf(null)).toBeUndefined();
  });

  it('does not break on a name that is not a valid CSS string', () => {
    function Odd() {
      const root = useRef<HTMLDivElement>(null);
      useCarriedFocus(root, 'a"]b\\');
      return (
        <div ref={root}>
          <button type="button" {...focusKey('a"]b\\')}>
            Odd
          </button>
        </div>
      );
    }
    render(<Odd />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Odd' }));
  });
});
