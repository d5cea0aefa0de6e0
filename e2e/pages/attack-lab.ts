import { expect, type Locator, type Page } from '@playwright/test';
import { AsConsentPage } from './as-consent';
import { AsSignInPage } from './as-sign-in';
import { FlowPlayerPage } from './flow-player';

export type ServerMode = 'Vulnerable' | 'Hardened';

/** An attack page at /attacks/<slug>: the Server switch, the player, and the Outcome. */
export class AttackPage extends FlowPlayerPage {
  readonly outcome: Locator;

  constructor(private readonly p: Page) {
    super(p);
    this.outcome = p.getByRole('region', { name: 'Outcome' });
  }

  async openAttack(slug: string, query = ''): Promise<void> {
    await this.p.goto(`/attacks/${slug}${query}`);
  }

  /** Picks a side of the Server switch; a new run starts against that side's lab realm. */
  async server(mode: ServerMode): Promise<void> {
    await this.p.getByRole('group', { name: 'Server' }).getByText(mode, { exact: true }).click();
    await expect(this.p.getByRole('radio', { name: mode })).toBeChecked();
  }

  /** Alice signs in on the real AS pages and allows; the browser comes back to the attack through /flows/callback. */
  async aliceSignsIn(slug: string): Promise<void> {
    await this.checkWidth('before the AS');
    await this.p.getByRole('button', { name: 'Go to the authorization server' }).click();
    await expect(this.p.getByLabel('Username')).toBeVisible({ timeout: 60_000 });
    await this.checkWidth('the AS’s sign-in page');
    await new AsSignInPage(this.p).signIn();
    await expect(this.p.getByRole('button', { name: 'Allow' })).toBeVisible({ timeout: 60_000 });
    await this.checkWidth('the AS’s consent page');
    await new AsConsentPage(this.p).decide('Allow');
    await expect(this.p).toHaveURL(new RegExp(`/attacks/${slug}`), { timeout: 60_000 });
  }

  /** Presses Next through every step until the Outcome shows, and returns its text. */
  async playToOutcome(timeout = 60_000): Promise<string> {
    await expect(this.next).toBeVisible({ timeout });
    for (let i = 0; i < 20; i++) {
      // Either the run has ended (the Outcome shows) or the step has its answer (Next is enabled). Polled every
      // 250 ms at most: expect.poll's default backs off to a second, which idles most steps for most of one.
      await expect
        .poll(async () => (await this.outcome.isVisible()) || (await this.next.isEnabled()), { timeout, intervals: [50, 100, 250] })
        .toBe(true);
      await this.checkWidth(`step ${i + 1}`);
      if (await this.outcome.isVisible()) break;
      await this.next.click();
    }
    await expect(this.outcome).toBeVisible({ timeout });
    return this.outcome.innerText();
  }
}

/**
 * Records every request the page makes off the app's origin (issue #9: nothing leaves it); data: and blob: URLs
 * are not requests to anyone. Assert `expect(off).toEqual([])` at the end of the test.
 */
export function recordOffOrigin(page: Page, baseURL: string): string[] {
  const origin = new URL(baseURL).origin;
  const off: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.origin !== origin) off.push(r.url());
  });
  return off;
}

/** The attack page's region that shows what reached Mallory's site. */
export const attackerConsole = (page: Page): Locator => page.getByRole('region', { name: 'Attacker’s console' });
