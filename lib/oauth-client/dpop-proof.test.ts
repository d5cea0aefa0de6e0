import { describe, expect, it } from 'vitest';
import { accessTokenHash, DPoPProofError, verifyProof } from '../dpop/verify-proof';
import { MemoryStore } from '../store/memory-store';
import { accessTokenHashOf, dpopProof, generateDPoPKey } from './dpop-proof';

const NOW = 1_800_000_000;
const ctx = () => ({ store: new MemoryStore(), clock: { nowSeconds: () => NOW } });
const RS = 'http://localhost:3000/rs/demo/photos';

describe('browser DPoP proofs against the server’s verifier (RFC 9449 §4.3)', () => {
  it('a proof for a resource request verifies, with the key’s thumbprint and the token’s ath', async () => {
    const key = await generateDPoPKey();
    const proof = await dpopProof(key, { htm: 'GET', htu: `${RS}?page=2#x`, accessToken: 'tok.en.sig', iat: NOW });
    const verified = await verifyProof(proof, ctx(), { method: 'GET', url: RS, accessToken: 'tok.en.sig', jkt: key.jkt });
    expect(verified).toMatchObject({ jkt: key.jkt, alg: 'ES256', iat: NOW });
    expect(await accessTokenHashOf('tok.en.sig')).toBe(accessTokenHash('tok.en.sig'));
  });

  it('the private key cannot be exported', async () => {
    const key = await generateDPoPKey();
    expect(key.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', key.privateKey)).rejects.toThrow();
  });

  it('is refused when replayed (jti seen), for another key’s token, or for another URL', async () => {
    const key = await generateDPoPKey();
    const other = await generateDPoPKey();
    const c = ctx();
    const proof = await dpopProof(key, { htm: 'GET', htu: RS, accessToken: 't', iat: NOW });
    await verifyProof(proof, c, { method: 'GET', url: RS, accessToken: 't', jkt: key.jkt });
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => 'accepted',
        (e: unknown) => (e instanceof DPoPProofError ? e.reason : String(e)),
      );
    expect(await reason(verifyProof(proof, c, { method: 'GET', url: RS, accessToken: 't', jkt: key.jkt }))).toBe('replay');
    expect(
      await reason(
        verifyProof(await dpopProof(other, { htm: 'GET', htu: RS, accessToken: 't', iat: NOW }), c, {
          method: 'GET',
          url: RS,
          accessToken: 't',
          jkt: key.jkt,
        }),
      ),
    ).toBe('key-binding');
    expect(
      await reason(
        verifyProof(await dpopProof(key, { htm: 'GET', htu: 'http://localhost:3000/rs/demo/profile', accessToken: 't', iat: NOW }), c, {
          method: 'GET',
          url: RS,
          accessToken: 't',
          jkt: key.jkt,
        }),
      ),
    ).toBe('htu');
  });
});
