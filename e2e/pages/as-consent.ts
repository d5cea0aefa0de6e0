import { expect, type Page } from '@playwright/test';

export type Decision = 'Allow' | 'Deny';

/** The player's step once the AS sends the browser back: with a code (RFC 6749 §4.1.2) or with an error (§4.1.2.1). */
export const BACK_FROM_THE_AS: Record<Decision, string> = {
  Allow: 'The redirect comes back to the client',
  Deny: 'The redirect comes back to the client with an error',
};

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
