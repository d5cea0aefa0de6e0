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

  it('typing a secret in the encoder never changes the token in the decoder', async () => {
    render(<JwtDebugger />);
    const token = await screen.findByRole('textbox', { name: 'Encoded token' });
    fireEvent.change(token, { target: { value: jwtio.vectors.HS256.token } });
    fireEvent.click(screen.getByRole('tab', { name: 'Encode & sign' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Signing key' }), { target: { value: 'another-secret' } });
    expect((token as HTMLTextAreaElement).value).toBe(jwtio.vectors.HS256.token);
  });

  it('moves a decoded token into the editor with one click', async () => {
    render(<JwtDebugger />);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Encoded token' }), { target: { value: jwtio.vectors.HS256.token } });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit in encoder' }).hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Edit in encoder' }));
    expect(screen.getByRole('tab', { name: 'Encode & sign' }).getAttribute('aria-selected')).toBe('true');
    expect((screen.getByRole('textbox', { name: 'Payload (JSON)' }) as HTMLTextAreaElement).value).toContain('"name": "John Doe"');
  });

  it('validates the header JSON as you type', () => {
    render(<JwtDebugger />);
    fireEvent.click(screen.getByRole('tab', { name: 'Encode & sign' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Header (JSON)' }), { target: { value: '{"alg":' } });
    expect(screen.getByText(/The header is not valid JSON/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign token' }).hasAttribute('disabled')).toBe(true);
  });
});
