// @vitest-environment jsdom
import { fireEvent, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { pickFocusTarget, useStepFocus } from './use-step-focus';

function page(html: string): HTMLElement {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  return document.getElementById('root')!;
}

const NEXT = '<button data-next-button>Next →</button>';
const DISABLED_NEXT = '<button data-next-button disabled>Next →</button>';
const HEADING = '<h2 id="step-title">Step</h2>';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('pickFocusTarget', () => {
  it('picks the step’s primary action (the AS hand-off) when focus fell to the body', () => {
    const root = page(`${DISABLED_NEXT}${HEADING}<button data-primary-action>Go to the authorization server</button>`);
    expect(pickFocusTarget(root, document.body)?.textContent).toBe('Go to the authorization server');
  });

  it('picks Next when the step has no primary action and Next can be pressed', () => {
    const root = page(`${NEXT}${HEADING}`);
    expect(pickFocusTarget(root, null)?.textContent).toBe('Next →');
  });

  it('picks the heading, made focusable by script only, when nothing can be pressed', () => {
    const root = page(`${DISABLED_NEXT}${HEADING}`);
    const target = pickFocusTarget(root, root.querySelector('button'));
    expect(target?.id).toBe('step-title');
    expect(target?.getAttribute('tabindex')).toBe('-1');
  });

  it('moves on from Next itself (the learner just pressed it) to the new step’s primary action', () => {
    const root = page(`${NEXT}<button data-primary-action>Go</button>`);
    expect(pickFocusTarget(root, root.querySelector('[data-next-button]'))?.textContent).toBe('Go');
  });

  it('leaves focus where the learner put it: a link, a field, the step list', () => {
    const root = page(`${NEXT}<a href="#x">RFC 6749 §4.1</a><button data-primary-action>Go</button>`);
    expect(pickFocusTarget(root, root.querySelector('a'))).toBeUndefined();
  });

  it('skips a disabled primary action', () => {
    const root = page(`${NEXT}<button data-primary-action disabled>Go</button>`);
    expect(pickFocusTarget(root, document.body)?.textContent).toBe('Next →');
  });
});

function Player({ steps, settled, withAction }: { steps: number; settled: boolean; withAction: boolean }) {
  const root = useRef<HTMLDivElement>(null);
  const expectStep = useStepFocus(root, steps, settled);
  return (
    <div ref={root}>
      <button data-next-button disabled={!settled} onClick={expectStep}>
        Next →
      </button>
      {withAction && (
        <a href="#verify" data-primary-action="">
          Open the verification page
        </a>
      )}
    </div>
  );
}

describe('useStepFocus', () => {
  it('waits for the new step to settle before moving focus to Next', () => {
    const { rerender, getByText } = render(<Player steps={1} settled withAction={false} />);
    fireEvent.click(getByText('Next →'));
    rerender(<Player steps={2} settled={false} withAction={false} />);
    expect(document.activeElement).toBe(document.body);
    rerender(<Player steps={2} settled withAction={false} />);
    expect(document.activeElement).toBe(getByText('Next →'));
  });

  it('moves focus to a primary action that is there while the step’s requests go on (the TV polling)', () => {
    const { rerender, getByText } = render(<Player steps={1} settled withAction={false} />);
    fireEvent.click(getByText('Next →'));
    rerender(<Player steps={2} settled={false} withAction />);
    expect(document.activeElement).toBe(getByText('Open the verification page'));
    // The poll brings the tokens: the next step has no link, and focus, lost with it, goes to Next.
    rerender(<Player steps={3} settled withAction={false} />);
    expect(document.activeElement).toBe(getByText('Next →'));
  });

  it('moves focus only after the learner acted', () => {
    const { rerender } = render(<Player steps={1} settled withAction={false} />);
    rerender(<Player steps={2} settled withAction />);
    expect(document.activeElement).toBe(document.body);
  });
});
