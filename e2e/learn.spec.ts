import { expect, test, type Locator, type Page } from '@playwright/test';
import { AsConsentPage } from './pages/as-consent';
import { AsSignInPage } from './pages/as-sign-in';
import { expectNoAxeViolations } from './pages/axe';
import { FlowPlayerPage, SIGN_IN_PROLOGUE } from './pages/flow-player';

/** Page object for /learn: sections by their headings, live elements by role and name. */
class LearnPage {
  constructor(readonly page: Page) {}
  async open() {
    await this.page.goto('/learn');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Learn OAuth, OpenID Connect and JWT' })).toBeVisible();
  }
  section(id: string): Locator {
    return this.page.locator(`section#${id}`);
  }
  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
  requests(name: string): Locator {
    return this.page.getByRole('list', { name: `${name}: requests` });
  }
}

async function noSidewaysScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client);
}

/** Runs the authorization-code flow to its tokens, so this tab holds an ID token. */
async function signInForTokens(page: Page) {
  const player = new FlowPlayerPage(page);
  await player.open('authorization-code');
  await player.stepThrough(SIGN_IN_PROLOGUE);
  await player.goToAuthorizationServer();
  await new AsSignInPage(page).signInWithFillButton('alice');
  await new AsConsentPage(page).decide('Allow');
  await player.stepThrough(['The redirect comes back to the client', 'The client checks state and iss']);
  await expect(player.heading('Redeem the code at the token endpoint')).toBeVisible();
  await expect(player.next).toBeEnabled({ timeout: 60_000 });
}

test('/learn at 1400 px: contents, every section, and each live element once; axe clean', async ({ page }) => {
  // A sign-in through the AS pages first, then ten live elements: more than the default minute.
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await signInForTokens(page);
  const learn = new LearnPage(page);
  await learn.open();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link')).toHaveCount(10);

  // 1. Plain OAuth: an access token, decoded inline, no ID token.
  // Pressed from the keyboard: focus stays on the button while it runs and after (a disabled button would drop it to <body>).
  const plainOAuth = learn.section('jwt-oauth-oidc').getByRole('button', { name: 'Get an access token with plain OAuth' });
  await plainOAuth.focus();
  await page.keyboard.press('Enter');
  await expect(learn.requests('OAuth token')).toContainText('/token → 200');
  await expect(plainOAuth).toBeFocused();
  await expect(learn.requests('OAuth token').getByRole('listitem').filter({ hasText: '/token →' })).not.toContainText('"id_token"');
  await expect(page.getByRole('region', { name: 'OAuth token: payload' })).toContainText('"client_id": "service"');

  // 3. The ID token of this tab's run, sent to the API: refused; an access token: accepted.
  const tokens = learn.section('tokens');
  await expect(tokens.getByText('Filled in: the ID token of your authorization-code run in this tab.')).toBeVisible();
  await tokens.getByRole('button', { name: 'Send it to GET /rs/demo/photos' }).click();
  await expect(learn.requests('ID token at the API')).toContainText('/rs/demo/photos → 401');
  await expect(learn.requests('ID token at the API').getByTestId('response-headers')).toContainText('error="invalid_token"');
  await tokens.getByRole('button', { name: 'Compare: send an access token' }).click();
  await expect(learn.requests('ID token at the API')).toContainText('/rs/demo/photos → 200');
  // An empty field is refused in the browser: nothing was sent, and the message says so.
  await tokens.getByRole('textbox', { name: 'ID token to send to the API' }).fill('');
  await tokens.getByRole('button', { name: 'Send it to GET /rs/demo/photos' }).click();
  await expect(tokens.getByRole('alert')).toHaveText('Nothing was sent: paste a token first (or run the authorization-code flow).');

  // 4. Anatomy: a real access token with RFC 9068's required claims, and the pasted sample decoded.
  const anatomy = learn.section('jwt-anatomy');
  await anatomy.getByRole('button', { name: 'Fetch a real access token and decode it' }).click();
  await expect(anatomy).toContainText('Required by RFC 9068 §2.2:');
  await expect(anatomy).not.toContainText('✗ missing');
  await expect(page.getByRole('region', { name: 'Pasted token: payload' })).toContainText('"name": "John Doe"');
  await anatomy.getByRole('textbox', { name: 'Token to decode' }).fill('not a token');
  await expect(anatomy.getByRole('alert')).toBeVisible();

  // 5. Revocation: the RS accepts, revoke, the RS refuses; introspection goes to {"active": false}.
  const revocation = learn.section('jwt-vs-opaque');
  for (const [button, list] of [
    ['Revoke a JWT access token', 'JWT revocation'],
    ['Revoke an opaque access token', 'Opaque revocation'],
  ] as const) {
    await revocation.getByRole('button', { name: button }).click();
    const items = page.getByRole('list', { name: `${list}: requests` }).getByRole('listitem');
    // A first lab realm starts its RSA key pool: allow for it on a busy machine.
    await expect(items).toHaveCount(list === 'JWT revocation' ? 8 : 9, { timeout: 60_000 });
    await expect(items.last()).toContainText('/revoke → 200');
    const photos = items.filter({ hasText: '/photos →' });
    await expect(photos.first()).toContainText('→ 200');
    await expect(photos.last()).toContainText('→ 401');
    await expect(items.filter({ hasText: '/introspect →' }).last()).toContainText('{"active":false}');
  }

  // 6. Each broken token refused at its own check.
  const validating = learn.section('validating');
  await validating.getByRole('button', { name: 'Send each token to the API' }).click();
  // hasText with a string ignores case, and "nOnE" must not match "none": a case-sensitive pattern.
  const row = (label: string) => validating.getByRole('row').filter({ hasText: new RegExp(label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await expect(validating.getByRole('row')).toHaveCount(7, { timeout: 60_000 });
  await expect(row('The genuine token')).toContainText('200 accepted');
  await expect(row('alg set to "none", signature removed')).toContainText('refused at: Algorithm on the allow-list');
  await expect(row('alg set to "nOnE"')).toContainText('refused at: Algorithm on the allow-list');
  await expect(row('kid changed')).toContainText('refused at: Key is one of the issuer');
  await expect(row('payload changed')).toContainText('refused at: Signature verifies');
  await expect(row('POST /photos')).toContainText('403 refused at: Token has the scope');

  // 7. The decision guide reaches each grant.
  const guide = learn.section('which-grant');
  for (const [choice, href] of [
    ['A single-page app in the browser', '/flows/authorization-code'],
    ['A backend calling an API, no user involved', '/flows/client-credentials'],
    ['A TV, console or CLI without a browser or keyboard', '/flows/device-code'],
    ['An app that must keep working while the user is away', '/flows/refresh-token'],
    ['My users type their password into my app', '/flows/authorization-code'],
  ] as const) {
    await guide.getByRole('radio', { name: choice }).check();
    await expect(guide.getByTestId('decision').getByRole('link', { name: /^Run the / })).toHaveAttribute('href', href);
  }
  await expect(guide.getByTestId('decision')).toContainText('MUST NOT be used');

  // 8. A token in the query string is refused.
  await learn.section('oauth-2-1').getByRole('button', { name: 'Call GET /rs/demo/photos?access_token=…' }).click();
  await expect(learn.requests('Query-string token')).toContainText('→ 400');
  await expect(learn.requests('Query-string token')).toContainText('invalid_request');

  // 9. What a script can read: the flow run in sessionStorage, tokens included.
  const storage = learn.section('token-storage');
  await storage.getByRole('button', { name: "Read this origin's storage, as a script would" }).click();
  await expect(storage.getByRole('list', { name: 'Readable storage entries' })).toContainText(
    /sessionStorage\["flowlab:flow:authorization-code"\]: \d+ JWTs? readable/,
  );

  // 10. No token: 401 with a Bearer challenge.
  await learn.section('api-keys').getByRole('button', { name: 'Call GET /rs/demo/photos with no token' }).click();
  await expect(learn.requests('No token')).toContainText('→ 401');
  await expect(learn.requests('No token').getByTestId('response-headers')).toContainText('www-authenticate: Bearer');

  await expectNoAxeViolations(page);
});

test('/learn deep links land on the flow step and the attack slug they name', async ({ page }) => {
  const learn = new LearnPage(page);
  await learn.open();
  await expect(learn.section('api-keys').getByRole('link', { name: 'client credentials, step 2' })).toHaveAttribute(
    'href',
    '/flows/client-credentials?step=2',
  );
  await expect(learn.section('jwt-vs-opaque').getByRole('link', { name: 'the revocation attack' })).toHaveAttribute(
    'href',
    '/attacks/revocation',
  );
  await learn
    .section('roles')
    .getByRole('link', { name: /jump to step 4/ })
    .click();
  await expect(page).toHaveURL(/\/flows\/authorization-code\?step=4$/);
  await expect(new FlowPlayerPage(page).heading('The browser goes to the authorization server')).toBeVisible({ timeout: 60_000 });
});

test('/learn at 390 px: no sideways scroll, even with long tokens on screen; axe clean', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const learn = new LearnPage(page);
  await learn.open();
  await noSidewaysScroll(page);
  await learn.section('jwt-anatomy').getByRole('button', { name: 'Fetch a real access token and decode it' }).click();
  await expect(learn.section('jwt-anatomy')).toContainText('Required by RFC 9068 §2.2:');
  await learn.section('validating').getByRole('button', { name: 'Send each token to the API' }).click();
  await expect(learn.section('validating').getByRole('row').filter({ hasText: 'POST /photos' })).toContainText('403', { timeout: 60_000 });
  await noSidewaysScroll(page);
  await expectNoAxeViolations(page);
});

test('glossary terms are linkable by anchor and /flows says where to start', async ({ page }) => {
  await page.goto('/learn/glossary#pkce');
  await expect(page.locator('#pkce')).toContainText('RFC 7636 §1');
  await expect(page.locator('#at-hash')).toContainText('OIDC Core §3.1.3.8');
  await expectNoAxeViolations(page);
  await page.goto('/flows');
  await expect(page.getByText('New here? Try the authorization code flow first.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'API keys, OAuth, and API gateways' })).toHaveAttribute('href', '/learn#api-keys');
  await expectNoAxeViolations(page);
});

test('a step card links its terms to the glossary: the link lands on the entry, which is the target; axe clean', async ({ page }) => {
  const player = new FlowPlayerPage(page);
  await player.open('client-credentials');
  const card = page.getByRole('region', { name: 'Discover the authorization server' });
  const term = card.getByRole('link', { name: 'discovery document', exact: true });
  await expect(term).toHaveAttribute('href', '/learn/glossary#discovery');
  // One link per term per card, and the link says where it goes before it is followed.
  await expect(card.getByRole('link', { name: 'discovery document', exact: true })).toHaveCount(1);
  await expect(term).toHaveAttribute('title', /^Glossary: Discovery document\./);
  await expectNoAxeViolations(page);
  await term.click();
  await expect(page).toHaveURL(/\/learn\/glossary#discovery$/);
  const entry = page.locator('#discovery');
  await expect(entry).toContainText('RFC 8414 §3.1');
  expect(await entry.evaluate((e) => e.matches(':target'))).toBe(true);
  await expect(entry).toBeInViewport();
  // Back in the browser: the run is where the learner left it.
  await page.goBack();
  await expect(page.getByRole('region', { name: 'Discover the authorization server' })).toBeVisible();
});
