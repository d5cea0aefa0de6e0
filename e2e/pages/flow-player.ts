import { expect, type Locator, type Page } from '@playwright/test';

/** The flow player at /flows/<grant>: its controls, the step on screen and its panels. */
export class FlowPlayerPage {
  readonly next: Locator;
  readonly back: Locator;

  constructor(private readonly page: Page) {
    this.next = page.getByRole('button', { name: 'Next →' });
    this.back = page.getByRole('button', { name: '← Back' });
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
export const SIGN_IN_PROLOGUE = ['Discover the authorization server', 'Make a PKCE code verifier and its S256 challenge', 'Build the authorization URL'] as const;

export const RS_CHECKLIST = 'What the resource server checked (RFC 9068 §4)';
export const ID_TOKEN_CHECKLIST = 'ID token validation (OIDC Core §3.1.3.7)';
