// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import a from '@/lib/jwt/fixtures/rfc7515-appendix-a.json';
import jwtio from '@/lib/jwt/fixtures/jwtio-default-tokens.json';
import { JwtInspector } from './jwt-inspector';

afterEach(cleanup);

const es256 = a.vectors.find((v) => v.alg === 'ES256')!;
const hs256 = a.vectors.find((v) => v.alg === 'HS256')!;

describe('JwtInspector', () => {
  it('shows the decoded payload, the claims explained and the expiry status', async () => {
    render(<JwtInspector token={hs256.compact} label="Access token" />);
    expect(screen.getByRole('heading', { name: 'Access token' })).toBeTruthy();
    // With a label, the parts are named after the token, so two inspectors on a page stay distinguishable.
    expect(screen.getByRole('region', { name: 'Access token: payload' }).textContent).toContain('"iss": "joe"');
    expect(screen.getByRole('region', { name: 'Access token: header' }).textContent).toContain('"alg": "HS256"');
    expect(screen.getByText(/Issuer: who created/)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('time-status').textContent).toMatch(/Expired.*ago/));
    expect(screen.getByTestId('signature-status').textContent).toContain('no JWKS given');
  });

  it('verifies the signature against the JWKS it is given and still says the token expired', async () => {
    const jwks = { keys: [{ ...(es256.public_key_jwk as JsonWebKey), kid: 'k1' } as JsonWebKey] };
    render(<JwtInspector token={es256.compact} jwks={jwks} />);
    await waitFor(() => expect(screen.getByTestId('signature-status').textContent).toContain('Signature verified'));
    expect(screen.getByTestId('time-status').textContent).toContain('Expired');
  });

  it('says the signature is not valid when the JWKS holds another key', async () => {
    const { d: _d, ...other } = jwtio.vectors.ES256.jwk;
    void _d;
    render(<JwtInspector token={es256.compact} jwks={{ keys: [other] }} />);
    await waitFor(() => expect(screen.getByTestId('signature-status').textContent).toContain('Signature not verified'));
  });

  it('names the broken part instead of hiding the readable ones', () => {
    const [h, p] = hs256.compact.split('.');
    render(<JwtInspector token={`${h}.${p}.ab$cd`} />);
    expect(screen.getByRole('region', { name: 'Payload' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/signature is not valid base64url: character \d+ of the token is "\$"/);
  });
});
