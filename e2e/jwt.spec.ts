import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import jwtio from '../lib/jwt/fixtures/jwtio-default-tokens.json';
import a from '../lib/jwt/fixtures/rfc7515-appendix-a.json';
import jweBook from '../lib/jwt/fixtures/rfc7520-jwe-cookbook.json';

/** Page object for /jwt: roles and accessible names only. */
class JwtPage {
  constructor(readonly page: Page) {}
  get token(): Locator {
    return this.page.getByRole('textbox', { name: 'Encoded token' });
  }
  get signature(): Locator {
    return this.page.getByTestId('signature-status');
  }
  get findings(): Locator {
    return this.page.getByRole('list', { name: 'Security findings' });
  }
  get decoded(): Locator {
    return this.page.getByTestId('decoded');
  }
  async open(hash = '') {
    await this.page.goto(`/jwt${hash}`);
    await this.token.waitFor();
  }
  async paste(token: string) {
    await this.token.fill(token);
  }
  async keyForm(name: 'Shared secret' | 'Public key (PEM or JWK)' | 'JWKS URL') {
    await this.page.getByRole('radio', { name }).check();
  }
  get publicKey(): Locator {
    return this.page.getByRole('textbox', { name: /^Public key:/ });
  }
  async secret(text: string) {
    await this.keyForm('Shared secret');
    await this.page.getByRole('textbox', { name: 'Secret', exact: true }).fill(text);
  }
  /** PEM and JWK share one box, read by content. */
  async pem(text: string) {
    await this.keyForm('Public key (PEM or JWK)');
    await this.publicKey.fill(text);
  }
  async jwk(text: string) {
    await this.pem(text);
  }
}

const hs = jwtio.vectors.HS256;
const rs = jwtio.vectors.RS256;
const es = jwtio.vectors.ES256;
const publicEs = (() => {
  const { d: _d, ...rest } = es.jwk;
  void _d;
  return rest;
})();

test('a pasted HS256 token verifies with the right secret and not with a wrong one', async ({ page }) => {
  const jwt = new JwtPage(page);
  await jwt.open();
  await jwt.paste(`Bearer ${hs.token}`);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('"name": "John Doe"');
  await expect(jwt.signature).toContainText('Signature not checked');
  await jwt.secret('not-the-secret');
  await expect(jwt.signature).toContainText('Signature not verified');
  await jwt.secret(hs.secret);
  await expect(jwt.signature).toContainText('Signature verified (HS256)');
});

test('an RS256 token verifies with a PEM public key, an ES256 token with a JWK and with a JWK Set', async ({ page }) => {
  const jwt = new JwtPage(page);
  await jwt.open();
  await jwt.paste(rs.token);
  await jwt.pem(rs.public_key_pem);
  await expect(jwt.signature).toContainText('Signature verified (RS256) with PEM spki');
  await jwt.paste(es.token);
  await jwt.jwk(JSON.stringify(publicEs));
  await expect(jwt.signature).toContainText('Signature verified (ES256) with JWK');
  await jwt.jwk(JSON.stringify({ keys: [publicEs] }));
  await expect(jwt.signature).toContainText('Signature verified (ES256) with pasted JWK Set');
});

test('the demo realm button verifies a real demo access token with the realm JWKS', async ({ page, request }) => {
  // A real token from the embedded AS (client_credentials, DESIGN.md demo contract); the page fetches /as/demo/jwks itself.
  const res = await request.post('/as/demo/token', {
    form: { grant_type: 'client_credentials', scope: 'photos:read' },
    headers: { authorization: `Basic ${Buffer.from('service:service-secret').toString('base64')}` },
  });
  expect(res.status()).toBe(200);
  const { access_token } = (await res.json()) as { access_token: string };
  const jwt = new JwtPage(page);
  await jwt.open();
  await jwt.paste(access_token);
  await page.getByRole('button', { name: 'Use demo realm JWKS' }).click();
  await expect(jwt.signature).toContainText('Signature verified (ES256) with the demo realm JWKS');
  await expect(page.getByTestId('time-status')).toContainText('Not expired');
});

test('a JWKS URL is fetched by the browser on request, carries no token, and bad answers are explained', async ({
  page,
  request,
  baseURL,
}) => {
  const res = await request.post('/as/demo/token', {
    form: { grant_type: 'client_credentials', scope: 'photos:read' },
    headers: { authorization: `Basic ${Buffer.from('service:service-secret').toString('base64')}` },
  });
  const { access_token } = (await res.json()) as { access_token: string };
  const jwt = new JwtPage(page);
  await jwt.open();
  await jwt.paste(access_token);
  await jwt.keyForm('JWKS URL');
  const url = page.getByRole('textbox', { name: 'JWKS URL' });
  const fetchButton = page.getByRole('button', { name: 'Fetch JWKS' });
  await url.fill('not a url');
  await expect(fetchButton).toBeDisabled();

  // A URL that answers something else than a JWK Set.
  await url.fill(`${baseURL}/as/demo/.well-known/openid-configuration`);
  await fetchButton.click();
  await expect(page.getByRole('status').filter({ hasText: /JWK/ })).toContainText('The response is not a JWK Set');
  // A URL that answers 404.
  await url.fill(`${baseURL}/as/demo/no-such-jwks`);
  await fetchButton.click();
  await expect(page.getByRole('status').filter({ hasText: /HTTP/ })).toContainText('The JWKS request failed with HTTP 404.');

  const sent: string[] = [];
  page.on('request', (r) => sent.push(`${r.url()} ${JSON.stringify(r.headers())}`));
  await url.fill(`${baseURL}/as/demo/jwks`);
  await fetchButton.click();
  await expect(page.getByRole('status').filter({ hasText: /Loaded/ })).toContainText('Loaded 2 key(s)');
  await expect(jwt.signature).toContainText('Signature verified (ES256)');
  expect(sent.some((r) => r.includes('/as/demo/jwks'))).toBe(true);
  expect(sent.join('\n')).not.toContain(access_token.split('.')[2]);
});

test('an expired token with a valid signature says both, and weak secrets and alg none are reported', async ({ page }) => {
  const a1 = a.vectors[0];
  const jwt = new JwtPage(page);
  await jwt.open();
  await jwt.paste(a1.compact);
  await jwt.jwk(JSON.stringify(a1.key_jwk));
  await expect(jwt.signature).toContainText('Signature verified (HS256)');
  await expect(page.getByTestId('time-status')).toContainText(/Expired .* ago/);

  const weak = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('secret'));
  await jwt.paste(weak);
  await expect(jwt.findings).toContainText('Signed with a well-known secret: "secret"');
  await expect(jwt.findings).toContainText('No expiry');

  await jwt.paste(`${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`);
  await expect(page.getByText('Unsecured JWT (alg "none"')).toBeVisible();
  await expect(jwt.findings).toContainText('Unsecured token: "alg": "none"');
  // RFC 7515 §4.1.1: "nOnE" is not "none" but an unknown algorithm, rejected, and flagged as the bypass attempt it is.
  await jwt.paste(`${Buffer.from('{"alg":"nOnE"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`);
  await expect(jwt.signature).toContainText('"nOnE" is not "none"');
  await expect(page.getByText('Unsecured JWT (alg "none"')).toHaveCount(0);
  await expect(jwt.findings).toContainText('Unknown algorithm "nOnE": a "none" bypass attempt');
});

test('malformed input gets messages that name the broken part', async ({ page }) => {
  const jwt = new JwtPage(page);
  await jwt.open();
  await jwt.paste('abc.def');
  await expect(jwt.decoded.getByRole('alert')).toContainText('this one has 2');
  const [h, p] = hs.token.split('.');
  await jwt.paste(`${h}.${p.slice(0, 5)}*${p.slice(6)}.sig`);
  await expect(jwt.decoded.getByRole('alert')).toContainText(
    `payload is not valid base64url: character ${h.length + 7} of the token is "*"`,
  );
  await expect(page.getByRole('region', { name: 'Header' })).toContainText('"alg": "HS256"');
  await jwt.paste(`${h}.${Buffer.from('[1,2]').toString('base64url')}.sig`);
  await expect(jwt.decoded.getByRole('alert')).toContainText('payload is JSON but an array, not an object');
});

test('a new token is signed in the encoder and opens in the decoder, where it verifies', async ({ page }) => {
  const jwt = new JwtPage(page);
  await jwt.open();
  await page.getByRole('tab', { name: 'Encode & sign' }).click();
  await page.getByRole('textbox', { name: 'Payload (JSON)' }).fill('{"sub":"alice",');
  await expect(page.getByText('The payload is not valid JSON')).toBeVisible();
  await page.getByRole('textbox', { name: 'Payload (JSON)' }).fill('{"sub":"alice","iss":"me"}');
  // A short secret is flagged before it signs anything (RFC 7518 §3.2), as the decoder flags it after.
  await page.getByRole('textbox', { name: 'Signing key' }).fill('secret');
  await expect(page.getByRole('list', { name: 'Signing key findings' })).toContainText('HMAC secret is only 48 bits');
  await page.getByRole('textbox', { name: 'Signing key' }).fill('a-very-long-secret-of-at-least-32-bytes!!');
  await expect(page.getByRole('list', { name: 'Signing key findings' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign token' }).click();
  await page.getByRole('button', { name: 'Open in decoder' }).click();
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('"sub": "alice"');
  await jwt.secret('a-very-long-secret-of-at-least-32-bytes!!');
  await expect(jwt.signature).toContainText('Signature verified (HS256)');

  await page.getByRole('tab', { name: 'Encode & sign' }).click();
  await page.getByRole('textbox', { name: 'Header (JSON)' }).fill('{"alg":"ES256","typ":"JWT"}');
  await page.getByRole('button', { name: 'Generate ES256 key pair' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'key pair generated' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign token' }).click();
  await expect(page.getByRole('textbox', { name: 'Signed token' })).toHaveValue(/^eyJ/);
});

test('a share link carries the token and a public key in the fragment, never a secret', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const jwt = new JwtPage(page);
  await jwt.open();
  await jwt.paste(hs.token);
  await jwt.secret(hs.secret);
  await page.getByRole('button', { name: 'Copy link' }).click();
  expect(page.url()).toContain('#token=');
  expect(page.url()).not.toContain('?');
  expect(page.url()).not.toContain(encodeURIComponent(hs.secret));

  await jwt.paste(es.token);
  await jwt.jwk(JSON.stringify(publicEs));
  await page.getByRole('button', { name: 'Copy link' }).click();
  const shared = page.url();
  expect(shared).toContain('&key=');
  const fresh = await context.newPage();
  await fresh.goto(shared);
  const again = new JwtPage(fresh);
  await expect(again.token).toHaveValue(es.token);
  await expect(again.signature).toContainText('Signature verified (ES256)');
});

test('nothing typed into the debugger is sent to any server', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (r) => sent.push(`${r.url()} ${r.postData() ?? ''} ${JSON.stringify(r.headers())}`));
  const jwt = new JwtPage(page);
  await jwt.open();
  const secret = 'leak-canary-secret-0123456789abcdef';
  const token = await new SignJWT({ sub: 'canary-subject' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
  await jwt.paste(token);
  await jwt.secret(secret);
  await expect(jwt.signature).toContainText('Signature verified');
  await page.getByRole('tab', { name: 'Encode & sign' }).click();
  await page.getByRole('textbox', { name: 'Signing key' }).fill(secret);
  await page.getByRole('button', { name: 'Sign token' }).click();
  await expect(page.getByRole('textbox', { name: 'Signed token' })).toHaveValue(/^eyJ/);
  await page.getByRole('tab', { name: 'Decode & verify' }).click();
  await page.getByRole('button', { name: 'Use demo realm JWKS' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'demo realm JWKS' })).toBeVisible();
  const parts = token.split('.');
  for (const line of sent) {
    for (const needle of [secret, parts[1], parts[2], 'canary-subject']) expect(line).not.toContain(needle);
  }
  expect(sent.some((l) => l.includes('/as/demo/jwks'))).toBe(true);
});

test('the debugger has no accessibility violations with a decoded token', async ({ page }) => {
  const jwt = new JwtPage(page);
  await jwt.open();
  await jwt.paste(hs.token);
  await expect(jwt.findings).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('tab', { name: 'Encode & sign' }).click();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('a JWE shows its protected header and decrypts with a PBES2 password and with an RSA private JWK', async ({ page }) => {
  const jwt = new JwtPage(page);
  await jwt.open();
  const pbes2 = jweBook.vectors[1];
  await jwt.paste((pbes2.output as { compact: string }).compact);
  await expect(page.getByText('Encrypted token (JWE, RFC 7516)')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Header' })).toContainText('"alg": "PBES2-HS512+A256KW"');
  await page.getByRole('combobox', { name: 'Key form' }).selectOption('secret');
  await page.getByRole('textbox', { name: 'Decryption key' }).fill((pbes2.input as { pwd: string }).pwd);
  await page.getByRole('button', { name: 'Decrypt' }).click();
  await expect(page.getByRole('region', { name: 'Decrypt' })).toContainText((pbes2.input as { plaintext: string }).plaintext.slice(0, 40));

  const rsa = jweBook.vectors[0];
  await jwt.paste((rsa.output as { compact: string }).compact);
  await page.getByRole('combobox', { name: 'Key form' }).selectOption('jwk');
  await page.getByRole('textbox', { name: 'Decryption key' }).fill('{"kty":"oct","k":"AAAA"}');
  await page.getByRole('button', { name: 'Decrypt' }).click();
  await expect(page.getByRole('region', { name: 'Decrypt' }).getByRole('alert')).not.toBeEmpty();
  await page.getByRole('textbox', { name: 'Decryption key' }).fill(JSON.stringify((rsa.input as { key: unknown }).key));
  await page.getByRole('button', { name: 'Decrypt' }).click();
  await expect(page.getByRole('region', { name: 'Decrypt' })).toContainText('Decrypted.');
});

test('a key embedded in the token header verifies only as "untrusted", and jku is never fetched', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const token = await new SignJWT({ sub: 'mallory' })
    .setProtectedHeader({ alg: 'ES256', jwk: await exportJWK(publicKey), jku: 'https://attacker.example/jwks' })
    .sign(privateKey);
  const jwt = new JwtPage(page);
  await jwt.open();
  await jwt.paste(token);
  await expect(jwt.findings).toContainText('Header carries "jwk"');
  await expect(jwt.findings).toContainText('Header carries "jku"');
  await page.getByRole('checkbox', { name: /key inside the token’s own header/ }).check();
  await expect(jwt.signature).toContainText('this proves nothing');
  expect(requests.some((u) => u.includes('attacker.example'))).toBe(false);
});

test('a share link pasted into the open tab loads (hashchange), and nothing is requested for it', async ({ page }) => {
  const jwt = new JwtPage(page);
  await jwt.open();
  const sent: string[] = [];
  page.on('request', (r) => sent.push(r.url()));
  await page.evaluate(
    (h) => {
      location.hash = h;
    },
    `token=${es.token}&key=${encodeURIComponent(JSON.stringify(publicEs))}`,
  );
  await expect(jwt.token).toHaveValue(es.token);
  await expect(jwt.signature).toContainText('Signature verified (ES256) with JWK');
  await page.evaluate((h) => {
    location.hash = h;
  }, `token=${rs.token}`);
  await expect(page.getByRole('region', { name: 'Header' })).toContainText('"alg": "RS256"');
  // Next.js may prefetch the nav links' pages (`?_rsc=`) and the browser may fetch the favicon; nothing else is
  // requested, and no request carries a token.
  expect(sent.filter((u) => !u.includes('/_next/static/') && !/[?&]_rsc=/.test(u) && !/\/(favicon\.ico|icon\.svg)(\?|$)/.test(u))).toEqual(
    [],
  );
  expect(sent.some((u) => u.includes(es.token.split('.')[1]) || u.includes(rs.token.split('.')[1]))).toBe(false);
});

test('the key form follows the token, a key of the other kind is kept but not used, and a PEM is read as PEM', async ({ page }) => {
  const jwt = new JwtPage(page);
  await jwt.open();
  await page.getByRole('button', { name: 'Try a sample token' }).click();
  await expect(jwt.signature).toContainText('Signature verified (HS256)');
  await jwt.paste(rs.token);
  await expect(page.getByRole('radio', { name: 'Public key (PEM or JWK)' })).toBeChecked();
  await expect(page.getByText('The shared secret you typed is kept but not used: "RS256" verifies with a public key.')).toBeVisible();
  await expect(jwt.signature).toContainText('give a public key');
  await jwt.publicKey.fill(rs.public_key_pem);
  await expect(page.getByText('Read as a PEM block.')).toBeVisible();
  await expect(jwt.signature).toContainText('Signature verified (RS256) with PEM spki');
  await jwt.keyForm('Shared secret');
  await expect(jwt.signature).toContainText('needs a public key, not a shared secret');
  await jwt.paste(hs.token);
  await expect(page.getByRole('radio', { name: 'Shared secret' })).toBeChecked();
  await expect(page.getByText('The public key you gave is kept but not used')).toBeVisible();
  await page.getByRole('tab', { name: 'Encode & sign' }).click();
  await expect(page.getByRole('textbox', { name: 'Header (JSON)' })).toBeVisible();
  await expect(page.getByRole('button', { name: /key pair/ })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Header (JSON)' }).fill('{"alg":"EdDSA"}');
  await expect(page.getByRole('radio', { name: 'Sign with a private key (PEM or JWK)' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Generate EdDSA key pair' })).toBeVisible();
});

// 853 px: a 1280 × 720 screen at 150 % zoom (issue #12); the token and its decoded parts sit side by side from 768 px (md).
for (const width of [390, 853, 1400]) {
  test(`at ${width} px the decoded token sits by (or under) the input, nothing scrolls sideways, and axe finds nothing`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const jwt = new JwtPage(page);
    await jwt.open();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    const long = await new SignJWT({ sub: 'x', blob: 'y'.repeat(3000), url: `https://example.com/${'z'.repeat(400)}` })
      .setProtectedHeader({ alg: 'HS256', kid: 'k'.repeat(300) })
      .sign(new TextEncoder().encode('s'.repeat(32)));
    await jwt.paste(long);
    await expect(jwt.findings).toBeVisible();
    const input = await jwt.token.boundingBox();
    const header = await page.getByRole('region', { name: 'Header' }).boundingBox();
    if (!input || !header) throw new Error('not laid out');
    if (width >= 768) expect(header.x).toBeGreaterThan(input.x + input.width - 1);
    else expect(header.y).toBeGreaterThan(input.y + input.height - 1);
    expect(header.y).toBeLessThan(width >= 768 ? input.y + 50 : input.y + input.height + 200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}
