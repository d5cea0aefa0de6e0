/**
 * The few DER bytes needed to wrap PKCS#1 RSA keys into the containers WebCrypto and jose import:
 * SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) and PrivateKeyInfo (RFC 5208 §5).
 */
function length(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

function tlv(tag: number, content: Uint8Array): Uint8Array {
  const head = [tag, ...length(content.length)];
  const out = new Uint8Array(head.length + content.length);
  out.set(head, 0);
  out.set(content, head.length);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL } — RFC 8017 App. C.
const RSA_ALGORITHM_ID = tlv(0x30, Uint8Array.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00]));

/** RSAPublicKey (PKCS#1, "BEGIN RSA PUBLIC KEY") → SubjectPublicKeyInfo DER. */
export function pkcs1PublicToSpki(pkcs1: Uint8Array): Uint8Array {
  return tlv(0x30, concat(RSA_ALGORITHM_ID, tlv(0x03, concat(Uint8Array.of(0), pkcs1))));
}

/** RSAPrivateKey (PKCS#1, "BEGIN RSA PRIVATE KEY") → PrivateKeyInfo (PKCS#8) DER. */
export function pkcs1PrivateToPkcs8(pkcs1: Uint8Array): Uint8Array {
  return tlv(0x30, concat(Uint8Array.of(0x02, 0x01, 0x00), RSA_ALGORITHM_ID, tlv(0x04, pkcs1)));
}
