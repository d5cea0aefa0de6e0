// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import jwtio from '@/lib/jwt/fixtures/jwtio-default-tokens.json';
import { JwtDebugger } from './jwt-debugger';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('JwtDebugger', () => {
  it('loads a token from the URL fragment and decodes it', async () => {
    history.replaceState(null, '', `/jwt#token=${jwtio.vectors.HS256.token}`);
    render(<JwtDebugger />);
    await waitFor(() => expect(screen.getByRole('region', { name: 'Payload' }).textContent).toContain('John Doe'));
  });

  it('loads a share link pasted into the open tab (only the fragment changes: hashchange)', async () => {
    history.replaceState(null, '', `/jwt#token=${jwtio.vectors.HS256.token}`);
    render(<JwtDebugger />);
    await waitFor(() => expect(screen.getByRole('region', { name: 'Payload' }).textContent).toContain('John Doe'));
    history.replaceState(null, '', `/jwt#token=${jwtio.vectors.ES256.token}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Header' }).textContent).toContain('"alg": "ES256"'));
    expect((screen.getByRole('textbox', { name: 'Encoded token' }) as HTMLTextAreaElement).value).toBe(jwtio.vectors.ES256.token);
  });

  it('offers a sample token on an empty page, which loads with its secret in one click', async () => {
    render(<JwtDebugger />);
    fireEvent.click(await screen.findByRole('button', { name: 'Try a sample token' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Payload' }).textContent).toContain('John Doe'));
    // Verification itself runs in the e2e spec: jose refuses jsdom's cross-realm Uint8Array keys.
    expect((screen.getByRole('textbox', { name: 'Secret' }) as HTMLTextAreaElement).value).toBe('a-string-secret-at-least-256-bits-long');
  });

  it('the key form follows the token, and the encoder follows the header, never offering an HS256 key pair', async () => {
    render(<JwtDebugger />);
    const token = await screen.findByRole('textbox', { name: 'Encoded token' });
    fireEvent.change(token, { target: { value: jwtio.vectors.HS256.token } });
    fireEvent.change(await screen.findByRole('textbox', { name: 'Secret' }), { target: { value: 'typed-secret' } });
    fireEvent.change(token, { target: { value: jwtio.vectors.RS256.token } });
    await waitFor(() => expect((screen.getByRole('radio', { name: 'Public key (PEM or JWK)' }) as HTMLInputElement).checked).toBe(true));
    expect(screen.getByText(/shared secret you typed is kept but not used: "RS256"/)).toBeTruthy();
    expect(screen.getByTestId('signature-status').textContent).toContain('give a public key');
    fireEvent.click(screen.getByRole('radio', { name: 'Shared secret' }));
    expect((screen.getByRole('textbox', { name: 'Secret' }) as HTMLTextAreaElement).value).toBe('typed-secret');

    fireEvent.click(screen.getByRole('tab', { name: 'Encode & sign' }));
    await screen.findByRole('textbox', { name: 'Header (JSON)' }, { timeout: 10_000 });
    expect(screen.queryByRole('button', { name: /key pair/ })).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'Header (JSON)' }), { target: { value: '{"alg":"ES256"}' } });
    expect(screen.getByRole('button', { name: 'Generate ES256 key pair' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Sign with a private key (PEM or JWK)' }) as HTMLInputElement).checked).toBe(true);
  });

  it('typing a secret in the encoder never changes the token in the decoder', async () => {
    render(<JwtDebugger />);
    const token = await screen.findByRole('textbox', { name: 'Encoded token' });
    fireEvent.change(token, { target: { value: jwtio.vectors.HS256.token } });
    fireEvent.click(screen.getByRole('tab', { name: 'Encode & sign' }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Signing key' }, { timeout: 10_000 }), {
      target: { value: 'another-secret' },
    });
    expect((token as HTMLTextAreaElement).value).toBe(jwtio.vectors.HS256.token);
  });

  it('moves a decoded token into the editor with one click', async () => {
    render(<JwtDebugger />);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Encoded token' }), { target: { value: jwtio.vectors.HS256.token } });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit in encoder' }).hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Edit in encoder' }));
    expect(screen.getByRole('tab', { name: 'Encode & sign' }).getAttribute('aria-selected')).toBe('true');
    expect(((await screen.findByRole('textbox', { name: 'Payload (JSON)' }, { timeout: 10_000 })) as HTMLTextAreaElement).value).toContain(
      '"name": "John Doe"',
    );
  });

  it('validates the header JSON as you type', async () => {
    render(<JwtDebugger />);
    fireEvent.click(screen.getByRole('tab', { name: 'Encode & sign' }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Header (JSON)' }, { timeout: 10_000 }), { target: { value: '{"alg":' } });
    expect(screen.getByText(/The header is not valid JSON/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign token' }).hasAttribute('disabled')).toBe(true);
  });

  it('warns of a short HMAC secret before signing (RFC 7518 §3.2), and offers a random one of the hash’s length', async () => {
    render(<JwtDebugger />);
    fireEvent.click(screen.getByRole('tab', { name: 'Encode & sign' }));
    const key = (await screen.findByRole('textbox', { name: 'Signing key' }, { timeout: 10_000 })) as HTMLTextAreaElement;
    expect(document.querySelector('[data-finding="short-secret"]')).toBeNull(); // nothing typed: nothing to judge
    fireEvent.change(key, { target: { value: 'secret' } });
    expect(document.querySelector('[data-finding="short-secret"]')?.textContent).toContain('HMAC secret is only 48 bits');
    fireEvent.change(key, { target: { value: 'x'.repeat(32) } });
    expect(document.querySelector('[data-finding="short-secret"]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Use a random HS256 secret' }));
    expect(key.value).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    expect(document.querySelector('[data-finding="short-secret"]')).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'Header (JSON)' }), { target: { value: '{"alg":"HS512","typ":"JWT"}' } });
    fireEvent.change(key, { target: { value: 'x'.repeat(32) } });
    expect(document.querySelector('[data-finding="short-secret"]')?.textContent).toContain('at least 512 bits');
    fireEvent.click(screen.getByRole('button', { name: 'Use a random HS512 secret' }));
    expect(key.value).toMatch(/^[A-Za-z0-9_-]{86}$/);
  });
});
