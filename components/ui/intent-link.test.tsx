// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const prefetch = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ prefetch }) }));
const { IntentLink } = await import('./intent-link');

afterEach(cleanup);
beforeEach(() => prefetch.mockClear());

describe('IntentLink', () => {
  it('renders a plain link to its page, prefetching nothing until the reader shows intent', () => {
    render(<IntentLink href="/jwt">JWT debugger</IntentLink>);
    const link = screen.getByRole('link', { name: 'JWT debugger' });
    expect(link.getAttribute('href')).toBe('/jwt');
    expect(prefetch).not.toHaveBeenCalled();
  });

  it.each([
    ['a pointer over it', (el: HTMLElement) => fireEvent.mouseEnter(el)],
    ['a finger on it', (el: HTMLElement) => fireEvent.touchStart(el)],
    ['keyboard focus', (el: HTMLElement) => fireEvent.focus(el)],
  ])('prefetches its page on %s', (_, act) => {
    render(<IntentLink href="/flows/authorization-code">Authorization Code</IntentLink>);
    act(screen.getByRole('link'));
    expect(prefetch).toHaveBeenCalledExactlyOnceWith('/flows/authorization-code');
  });

  it('still calls the handlers it was given', () => {
    const onMouseEnter = vi.fn();
    const onFocus = vi.fn();
    const onTouchStart = vi.fn();
    render(
      <IntentLink href="/learn" onMouseEnter={onMouseEnter} onFocus={onFocus} onTouchStart={onTouchStart}>
        Learn
      </IntentLink>,
    );
    const link = screen.getByRole('link');
    fireEvent.mouseEnter(link);
    fireEvent.focus(link);
    fireEvent.touchStart(link);
    expect([onMouseEnter, onFocus, onTouchStart].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it.each(['https://datatracker.ietf.org/doc/html/rfc6749', '//example.com/x', '#main', 'mailto:a@example.com'])(
    'never asks the router to prefetch %s, which is not a page of this app',
    (href) => {
      render(<IntentLink href={href}>elsewhere</IntentLink>);
      fireEvent.mouseEnter(screen.getByRole('link'));
      expect(prefetch).not.toHaveBeenCalled();
    },
  );
});
