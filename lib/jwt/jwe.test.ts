import { describe, expect, it } from 'vitest';
import { CompactEncrypt } from 'jose';
import { decryptJwe, MAX_PBES2_COUNT } from './jwe';

const enc = new TextEncoder();

describe('decryptJwe', () => {
  it('decrypts PBES2 within the iteration cap and refuses a p2c above it', async () => {
    const pwd = enc.encode('correct horse');
    const ok = await new CompactEncrypt(enc.encode('hi'))
      .setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' })
      .setKeyManagementParameters({ p2c: 1000, p2s: new Uint8Array(16) })
      .encrypt(pwd);
    const r = await decryptJwe(ok, { kind: 'secret', text: 'correct horse', encoding: 'utf8' });
    expect(r.ok && r.value.plaintext).toBe('hi');
    const heavy = await new CompactEncrypt(enc.encode('hi'))
      .setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' })
      .setKeyManagementParameters({ p2c: MAX_PBES2_COUNT + 1, p2s: new Uint8Array(16) })
      .encrypt(pwd);
    const h = await decryptJwe(heavy, { kind: 'secret', text: 'correct horse', encoding: 'utf8' });
    expect(h.ok).toBe(false);
  });

  it('explains a wrong key and a JWS given to decrypt, without throwing', async () => {
    const key = crypto.getRandomValues(new Uint8Array(16));
    const jwe = await new CompactEncrypt(enc.encode('x')).setProtectedHeader({ alg: 'dir', enc: 'A128GCM' }).encrypt(key);
    const r = await decryptJwe(jwe, { kind: 'secret', text: '00'.repeat(16), encoding: 'hex' });
    expect(r.ok ? '' : r.error.code).toBe('ERR_JWE_DECRYPTION_FAILED');
    const s = await decryptJwe('a.b.c', { kind: 'secret', text: 'x', encoding: 'utf8' });
    expect(s.ok ? '' : s.error.code).toBe('not_jwe');
  });
});
