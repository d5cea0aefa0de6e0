import { expect, type Page } from '@playwright/test';

export type Decision = 'Allow' | 'Deny';

/** The authorization server's consent page (DESIGN.md: buttons Allow and Deny, the requested scopes listed). */
export class AsConsentPage {
  constructor(private readonly page: Page) {}

  /** Waits for the page to show this text (a scope, the client's name), e.g. before deciding. */
  async expectShown(text: string, timeout = 60_000): Promise<void> {
    await expect(this.page.getByText(text).first()).toBeVisible({ timeout });
  }

  async decide(decision: Decision): Promise<void> {
    await this.page.getByRole('button', { name: decision }).click();
  }
}
