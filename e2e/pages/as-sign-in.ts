import { expect, type Page } from '@playwright/test';

/** The authorization server's login page (DESIGN.md: fields Username and Password, button Sign in). */
export class AsSignInPage {
  constructor(private readonly page: Page) {}

  /** Types the credentials, as a person would. */
  async signIn(username = 'alice', password = 'wonderland'): Promise<void> {
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** Uses the AS page's own "Fill demo user" button (a hash-pinned script on the AS page), then signs in. */
  async signInWithFillButton(username: 'alice' | 'bob' = 'alice'): Promise<void> {
    await this.page.getByRole('button', { name: `Fill demo user ${username}` }).click();
    await expect(this.page.getByLabel('Username')).toHaveValue(username);
    await expect(this.page.getByLabel('Password')).not.toHaveValue('');
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}
