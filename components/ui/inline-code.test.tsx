// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineCode, splitInlineCode } from './inline-code';

afterEach(cleanup);

describe('splitInlineCode', () => {
  it.each([
    ['no backticks', 'plain text', [{ code: false, text: 'plain text' }]],
    [
      'one span',
      'send `code_verifier` now',
      [
        { code: false, text: 'send ' },
        { code: true, text: 'code_verifier' },
        { code: false, text: ' now' },
      ],
    ],
    [
      'spans at both ends',
      '`a` and `b`',
      [
        { code: true, text: 'a' },
        { code: false, text: ' and ' },
        { code: true, text: 'b' },
      ],
    ],
    ['an unpaired backtick stays', 'one ` alone', [{ code: false, text: 'one ` alone' }]],
    ['an empty pair stays', 'empty `` pair', [{ code: false, text: 'empty `` pair' }]],
    ['a span does not cross a line break', 'a `b\nc` d', [{ code: false, text: 'a `b\nc` d' }]],
    [
      'three backticks pair the first two',
      '`a` b `c',
      [
        { code: true, text: 'a' },
        { code: false, text: ' b `c' },
      ],
    ],
    ['empty text', '', []],
  ])('%s', (_name, input, parts) => {
    expect(splitInlineCode(input)).toEqual(parts);
  });
});

describe('InlineCode', () => {
  it('renders code spans as <code> and the rest as text, without the backticks', () => {
    const { container } = render(
      <p>
        <InlineCode text="`device_authorization_endpoint` is the field RFC 8628 §4 adds" />
      </p>,
    );
    const codes = container.querySelectorAll('code');
    expect([...codes].map((c) => c.textContent)).toEqual(['device_authorization_endpoint']);
    expect(container.textContent).toBe('device_authorization_endpoint is the field RFC 8628 §4 adds');
  });

  it('never turns the text into markup', () => {
    const { container } = render(
      <p>
        <InlineCode text={'`<img src=x onerror=alert(1)>` and <b>bold</b>'} />
      </p>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('code')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
