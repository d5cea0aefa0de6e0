import { importPKCS8, importSPKI, importX509, type CryptoKey } from 'jose';
import { explainJoseError } from '../explain-error';
import { fail, ok, type Result } from '../result';
import { pkcs1PrivateToPkcs8, pkcs1PublicToSpki } from './der';
import { parsePem, toPem } from './pem';

export type PemKind = 'spki' | 'pkcs1-public' | 'x509' | 'pkcs8' | 'pkcs1-private';

export interface ImportedPem {
  key: CryptoKey;
  kind: PemKind;
  isPrivate: boolean;
}

/**
 * Imports a PEM public key, certificate or private key for `alg`. PKCS#1 RSA keys are wrapped into
 * SPKI / PKCS#8 first because jose imports only those containers.
 */
export async function importPemKey(text: string, alg: string, opts: { extractable?: boolean } = {}): Promise<Result<ImportedPem>> {
  const block = parsePem(text);
  if (!block.ok) return block;
  const { label, der } = block.value;
  try {
    switch (label) {
      case 'PUBLIC KEY':
        return ok({ key: await importSPKI(text, alg, opts), kind: 'spki', isPrivate: false });
      case 'RSA PUBLIC KEY':
        return ok({ key: await importSPKI(toPem('PUBLIC KEY', pkcs1PublicToSpki(der)), alg, opts), kind: 'pkcs1-public', isPrivate: false });
      case 'CERTIFICATE':
        return ok({ key: await importX509(text, alg, opts), kind: 'x509', isPrivate: false });
      case 'PRIVATE KEY':
        return ok({ key: await importPKCS8(text, alg, opts), kind: 'pkcs8', isPrivate: true });
      case 'RSA PRIVATE KEY':
        return ok({ key: await importPKCS8(toPem('PRIVATE KEY', pkcs1PrivateToPkcs8(der)), alg, opts), kind: 'pkcs1-private', isPrivate: true });
      case 'EC PRIVATE KEY':
        return fail('unsupported_pem', 'SEC1 "EC PRIVATE KEY" is not supported: convert it to PKCS#8 ("BEGIN PRIVATE KEY").', 'key');
      default:
        return fail('unsupported_pem', `A "${label}" PEM block is not a key this debugger can use.`, 'key');
    }
  } catch (e) {
    return { ok: false, error: explainJoseError(e, 'key', alg) };
  }
}
