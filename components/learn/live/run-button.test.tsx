// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotSent, RunButton } from './run-button';

afterEach(cleanup);

describe('RunButton', () => {
  it('keeps keyboard focus while its request runs, and ignores a second press until it ends', async () => {
    let finish!: () => void;
    const onRun = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<RunButton onRun={onRun}>Get a token</RunButton>);
    const button = screen.getByRole('button', { name: 'Get a token' });
    button.focus();
    fireEvent.click(button);
    const busy = await screen.findByRole('button', { name: 'Running…' });
    expect(busy).toBe(button);
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    fireEvent.click(busy);
    expect(onRun).toHaveBeenCalledTimes(1);
    await act(async () => finish());
    expect(await screen.findByRole('button', { name: 'Get a token' })).toBe(document.activeElement);
    expect(button.getAttribute('aria-disabled')).toBe('false');
  });

  it('says why a run failed', async () => {
    render(<RunButton onRun={() => Promise.reject(new Error('HTTP 503'))}>Send</RunButton>);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The request failed: HTTP 503');
  });

  it('says nothing was sent when the demo refused its input before sending', async () => {
    render(<RunButton onRun={() => Promise.reject(new NotSent('paste a token first'))}>Send</RunButton>);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was sent: paste a token first');
  });
});
