import { expect, type Locator, type Page } from '@playwright/test';

type RowAction = 'rename' | 'pause' | 'resume' | 'signIn' | 'signOut' | 'remove';

/** Settings → Accounts, and the platform badges and account filter of the lists. */
export class AccountsPage {
  readonly card: Locator;
  readonly rows: Locator;
  readonly addDialog: Locator;
  readonly removeDialog: Locator;
  readonly filter: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('account-card');
    this.rows = this.card.getByTestId('account-row');
    this.addDialog = page.getByTestId('add-account-dialog');
    this.removeDialog = page.getByTestId('remove-account-dialog');
    this.filter = page.getByTestId('account-filter');
  }

  row(label: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('account-label').getByText(label, { exact: true }) });
  }

  state(label: string): Locator {
    return this.row(label).getByTestId('account-state');
  }

  /** Opens the add dialog on Freelancer.com. */
  async openAdd(): Promise<void> {
    await this.card.getByTestId('add-account').click();
    await expect(this.addDialog).toBeVisible();
    await this.addDialog.getByTestId('add-platform-freelancer').click();
  }

  /** Adds a Freelancer.com account with a pasted token, at a custom address (Advanced), as a user would. */
  async addFreelancer(options: { url: string; token: string; label?: string }): Promise<void> {
    await this.openAdd();
    await this.addDialog.getByTestId('account-token').fill(options.token);
    if (options.label) await this.addDialog.getByTestId('account-label').fill(options.label);
    await this.addDialog.locator('summary').click();
    await this.addDialog.getByTestId('account-url').fill(options.url);
    await this.addDialog.getByTestId('account-submit').click();
  }

  /** In the open add dialog: a custom address under Advanced (the fixture), then "Sign in with Freelancer.com". */
  async startBrowserSignIn(options: { url: string }): Promise<void> {
    await this.addDialog.locator('summary').click();
    await this.addDialog.getByTestId('account-url').fill(options.url);
    await this.addDialog.getByTestId('browser-sign-in').click();
    await expect(this.addDialog.getByTestId('browser-sign-in-waiting')).toBeVisible();
  }

  async act(label: string, action: RowAction): Promise<void> {
    await this.row(label).getByTestId('account-menu').click();
    const names: Record<RowAction, RegExp> = {
      rename: /rename|rinomina|umbenennen|renommer|cambiar nombre/i,
      pause: /pause|sospendi|pausieren|suspendre|pausar/i,
      resume: /resume|riprendi|fortsetzen|reprendre|reanudar/i,
      signIn: /sign in|accedi|anmelden|se connecter|iniciar sesión/i,
      signOut: /sign out|esci|abmelden|se déconnecter|cerrar sesión/i,
      remove: /remove|rimuovi|entfernen|supprimer|eliminar/i,
    };
    await this.page.getByRole('menuitem', { name: names[action] }).click();
  }

  /** Filters the list on screen to one account (by its label), or back to all with null. */
  async filterTo(label: string | null): Promise<void> {
    await this.filter.getByRole('button').click();
    const listbox = this.page.getByRole('listbox');
    const option = label === null ? listbox.getByRole('option').first() : listbox.getByRole('option').filter({ hasText: `${label} (` });
    await option.click();
    await listbox.waitFor({ state: 'detached' });
  }

  /** The platforms of the badges inside `scope`, one per badge. */
  async badgePlatforms(scope: Locator): Promise<string[]> {
    return scope.getByTestId('platform-badge').evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-platform') ?? ''));
  }
}
