import { expect, type Locator, type Page } from '@playwright/test';
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

  /** Presses Next through every step until the Outcome shows, and returns its text. */
  async playToOutcome(timeout = 60_000): Promise<string> {
    await expect(this.next).toBeVisible({ timeout });
    for (let i = 0; i < 20; i++) {
      // Either the run has ended (the Outcome shows) or the step has its answer (Next is enabled).
      await expect.poll(async () => (await this.outcome.isVisible()) || (await this.next.isEnabled()), { timeout }).toBe(true);
      if (await this.outcome.isVisible()) break;
      await this.next.click();
    }
    await expect(this.outcome).toBeVisible({ timeout });
    return this.outcome.innerText();
  }
}
