import { importPKCS8, importSPKI, importX509, type CryptoKey } from 'jose';
import { explainJoseError } from '../explain-error';
import { fail, ok, type Result } from '../result';
import { pkcs1PrivateToPkcs8, pkcs1PublicToSpki, sec1PrivateToPkcs8 } from './der';
import { parsePem, toPem } from './pem';

export type PemKind = 'spki' | 'pkcs1-public' | 'x509' | 'pkcs8' | 'pkcs1-private' | 'sec1-private';

export interface ImportedPem {
  key: CryptoKey;
  kind: PemKind;
  isPrivate: boolean;
}

/**
 * Imports a PEM public key, certificate or private key for `alg`. PKCS#1 RSA keys and SEC1 EC private
 * keys are wrapped into SPKI / PKCS#8 first because jose imports only those containers.
 */
export async function importPemKey(text: string, alg: string, opts: { extractable?: boolean } = {}): Promise<Result<ImportedPem>> {
  const block = parsePem(text);
  if (!block.ok) return block;
  const { label, der } = block.value;
  // jose wants the block alone: whitespace or text around a pasted PEM is dropped by re-encoding it.
  const pem = toPem(label, der);
  try {
    switch (label) {
      case 'PUBLIC KEY':
        return ok({ key: await importSPKI(pem, alg, opts), kind: 'spki', isPrivate: false });
      case 'RSA PUBLIC KEY':
        return ok({
          key: await importSPKI(toPem('PUBLIC KEY', pkcs1PublicToSpki(der)), alg, opts),
          kind: 'pkcs1-public',
          isPrivate: false,
        });
      case 'CERTIFICATE':
        return ok({ key: await importX509(pem, alg, opts), kind: 'x509', isPrivate: false });
      case 'PRIVATE KEY':
        return ok({ key: await importPKCS8(pem, alg, opts), kind: 'pkcs8', isPrivate: true });
      case 'RSA PRIVATE KEY':
        return ok({
          key: await importPKCS8(toPem('PRIVATE KEY', pkcs1PrivateToPkcs8(der)), alg, opts),
          kind: 'pkcs1-private',
          isPrivate: true,
        });
      case 'EC PRIVATE KEY': {
        const pkcs8 = sec1PrivateToPkcs8(der);
        if (!pkcs8) return fail('bad_sec1', 'This "EC PRIVATE KEY" block is not a SEC1 key naming its curve (RFC 5915 §3).', 'key');
        return ok({ key: await importPKCS8(toPem('PRIVATE KEY', pkcs8), alg, opts), kind: 'sec1-private', isPrivate: true });
      }
      default:
        return fail('unsupported_pem', `A "${label}" PEM block is not a key this debugger can use.`, 'key');
    }
  } catch (e) {
    return { ok: false, error: explainJoseError(e, 'key', alg) };
  }
}
