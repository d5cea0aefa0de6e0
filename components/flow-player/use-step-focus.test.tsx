// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { pickFocusTarget } from './use-step-focus';

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
