import { expect, type Locator, type Page } from '@playwright/test';
import { expectNoSidewaysScroll } from './no-sideways-scroll';

/** The phone of issue #12 ("Phones and small screens"). */
export const PHONE = { width: 390, height: 844 } as const;

/** The flow player at /flows/<grant>: its controls, the step on screen and its panels. */
export class FlowPlayerPage {
  readonly next: Locator;
  readonly back: Locator;

  /** The viewport to go back to after onPhone(); set while playing on a phone. */
  private desktop: { width: number; height: number } | null = null;

  constructor(private readonly page: Page) {
    this.next = page.getByRole('button', { name: 'Next →' });
    this.back = page.getByRole('button', { name: '← Back' });
  }

  /**
   * Plays on at 390 × 844: from now on every step that stepThrough() and playToOutcome() reach is checked for
   * sideways scroll (issue #12: no page scrolls sideways on a phone, on any step). The attack specs play one side
   * of each attack this way, so every attack's steps are measured where they are played, not in a second walk.
   */
  async onPhone(): Promise<void> {
    this.desktop ??= this.page.viewportSize() ?? { width: 1280, height: 720 };
    await this.page.setViewportSize(PHONE);
  }

  /** Back to the viewport the test started with; the width checks stop. */
  async onDesktop(): Promise<void> {
    if (this.desktop) await this.page.setViewportSize(this.desktop);
    this.desktop = null;
  }

  /** On a phone (onPhone()): the step on screen must not scroll sideways. */
  protected async checkWidth(where: string): Promise<void> {
    if (!this.desktop) return;
    const heading = this.page.locator('#step-title');
    const title = (await heading.count()) > 0 ? ((await heading.first().textContent()) ?? '') : '';
    await expectNoSidewaysScroll(this.page, `${this.page.url()} at ${PHONE.width} px, ${where}${title ? ` "${title}"` : ''}`);
  }

  /** Opens a flow; with `realm`, against that lab realm (`?realm=<id>`). */
  async open(slug: string, realm?: string): Promise<void> {
    await this.page.goto(`/flows/${slug}${realm ? `?realm=${encodeURIComponent(realm)}` : ''}`);
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { name: title, exact: true });
  }

  /** Waits for each step in turn and presses Next once it has its answer. A dev server compiles routes on first use: allow for it. */
  async stepThrough(titles: readonly string[], timeout = 60_000): Promise<void> {
    for (const title of titles) {
      await expect(this.heading(title)).toBeVisible({ timeout });
      await expect(this.next).toBeEnabled({ timeout });
      await this.checkWidth('step');
      await this.next.click();
    }
  }

  /** A checklist region by its title, e.g. "What the resource server checked (RFC 9068 §4)". */
  checklist(title: string | RegExp): Locator {
    return this.page.getByLabel(title);
  }

  /** The run's error, shown when a step ends it. */
  error(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /\S/ });
  }

  request(): Locator {
    return this.page.getByLabel('HTTP request');
  }

  response(): Locator {
    return this.page.getByLabel('HTTP response');
  }

  async goToAuthorizationServer(): Promise<void> {
    await this.page.getByRole('button', { name: 'Go to the authorization server' }).click();
  }
}

/** The first three steps of every sign-in flow, up to the trip to the AS. */
export const SIGN_IN_PROLOGUE = [
  'Discover the authorization server',
  'Make a PKCE code verifier and its S256 challenge',
  'Build the authorization URL',
] as const;

export const RS_CHECKLIST = 'What the resource server checked (RFC 9068 §4)';
export const ID_TOKEN_CHECKLIST = 'ID token validation (OIDC Core §3.1.3.7)';

/** The player's step list, its step counter, auto-play and the keyboard (e2e/presenter.spec.ts). */
export class PlayerNavigation {
  readonly stepList: Locator;
  readonly counter: Locator;
  readonly status: Locator;
  readonly autoPlay: Locator;
  readonly speed: Locator;
  readonly presenter: Locator;

  constructor(private readonly page: Page) {
    this.stepList = page.getByRole('navigation', { name: 'Steps of this run' });
    this.counter = page.getByText(/^Step \d+ of (about )?\d+$/);
    this.status = page.getByRole('toolbar', { name: 'Flow controls' }).getByRole('status');
    this.autoPlay = page.getByRole('button', { name: 'Auto-play' });
    this.speed = page.getByLabel('Auto-play speed');
    this.presenter = page.getByRole('button', { name: 'Presenter mode' });
  }

  /** The step list's items, as their text ("3. Build the authorization URL (not reached yet)"). */
  async listed(): Promise<string[]> {
    return this.stepList.getByRole('listitem').allInnerTexts();
  }

  /** How many Tab presses it takes until `target` has focus (0 when it already has), giving up after `max`. */
  async tabsUntilFocused(target: Locator, max = 10): Promise<number> {
    for (let n = 0; n <= max; n++) {
      if (await target.evaluate((el) => el === document.activeElement)) return n;
      await this.page.keyboard.press('Tab');
    }
    return Number.POSITIVE_INFINITY;
  }
}
