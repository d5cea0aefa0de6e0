/**
 * The few DER bytes needed to wrap PKCS#1 RSA and SEC1 EC keys into the containers WebCrypto and jose
 * import: SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) and PrivateKeyInfo (RFC 5208 §5).
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

/** One DER element: its tag, where its content starts and where the element ends. */
interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function readTlv(der: Uint8Array, at: number): Tlv | undefined {
  if (at + 2 > der.length) return undefined;
  const tag = der[at];
  let len = der[at + 1];
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || start + n > der.length) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = (len << 8) | der[start + i];
    start += n;
  }
  return start + len <= der.length ? { tag, start, end: start + len } : undefined;
}

// id-ecPublicKey (1.2.840.10045.2.1), RFC 5480 §2.1.1.
const EC_PUBLIC_KEY_OID = Uint8Array.from([0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]);

/**
 * ECPrivateKey (SEC1, RFC 5915 §3, "BEGIN EC PRIVATE KEY") → PrivateKeyInfo (PKCS#8) DER, taking the
 * curve from its `parameters [0]` (RFC 5915 §3: the namedCurve OID). Undefined when the structure is not
 * SEC1 or names no curve.
 */
export function sec1PrivateToPkcs8(sec1: Uint8Array): Uint8Array | undefined {
  const outer = readTlv(sec1, 0);
  if (!outer || outer.tag !== 0x30) return undefined;
  let curve: Uint8Array | undefined;
  for (let at = outer.start; at < outer.end;) {
    const el = readTlv(sec1, at);
    if (!el) return undefined;
    if (el.tag === 0xa0) {
      const oid = readTlv(sec1, el.start);
      if (oid?.tag === 0x06) curve = sec1.subarray(el.start, oid.end);
    }
    at = el.end;
  }
  if (!curve) return undefined;
  const algorithm = tlv(0x30, concat(EC_PUBLIC_KEY_OID, curve));
  return tlv(0x30, concat(Uint8Array.of(0x02, 0x01, 0x00), algorithm, tlv(0x04, sec1)));
}
