import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { damagePages, makeWorkspaceOneSchemaBehind, workspaceFileOf } from '../integration/storage-faults/support';
import { AppPage } from './pages/app-page';
import { startWebHostIn, type RunningWebHost } from './web-host-process';

const stops: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

test.use({ locale: 'de-DE' });

/** Opens the workspace once in web-host (it migrates, after its backup), then leaves it fully written to its file. */
const migrateIn = async (dataDir: string): Promise<void> => {
  const host = await startWebHostIn(dataDir);
  await host.kill();
  const db = new Database(workspaceFileOf(dataDir));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
};

/** A workspace folder of its own, removed after the test. */
const makeDataDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bottega-e2e-recovery-'));
  stops.push(async () => rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'workspace');
};

test('a damaged workspace opens on the recovery screen in the user’s language; restoring its backup keeps the damaged file and opens the app', async ({
  page,
}) => {
  const dataDir = makeDataDir();
  // A workspace migrated once (so backups/ holds the copy made before), with projects, then damaged on disk.
  await makeWorkspaceOneSchemaBehind(dataDir, 1, 30);
  await migrateIn(dataDir);
  damagePages(workspaceFileOf(dataDir));

  const host: RunningWebHost = await startWebHostIn(dataDir);
  stops.push(() => host.stop());
  await page.goto(host.url);
  const screen = page.getByTestId('recovery-screen');
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText('Dieser Arbeitsbereich konnte nicht geöffnet werden');
  await expect(page.getByTestId('recovery-reason')).toContainText('Die Datei des Arbeitsbereichs ist beschädigt');
  const backups = page.getByTestId('recovery-backup');
  await expect(backups).toHaveCount(1);
  await expect(backups.first()).toContainText('Sicherung vom');
  await expect(backups.first()).toContainText('Schemaversion');
  await expect(screen.getByRole('button', { name: 'Mit einem leeren Arbeitsbereich beginnen (beschädigte Datei behalten)' })).toBeVisible();
  await new AppPage(page).screenshot('workspace-recovery-de');

  await backups.first().getByRole('button', { name: 'Diese Sicherung wiederherstellen' }).click();
  await expect(screen).toContainText('Der Arbeitsbereich ist wieder geöffnet');
  const kept = readdirSync(dataDir).filter((name) => name.includes('.damaged-'));
  expect(kept.length).toBeGreaterThanOrEqual(1);
  expect(existsSync(path.join(dataDir, kept[0]!))).toBe(true);

  await screen.getByRole('button', { name: 'Weiter' }).click();
  const app = new AppPage(page);
  await expect(app.navLink('feed')).toBeVisible();
  await expect(app.projectRows.first()).toBeVisible();
});

test('a workspace held by another program says so and opens on “Erneut versuchen” once it is free', async ({ page }) => {
  const dataDir = makeDataDir();
  await makeWorkspaceOneSchemaBehind(dataDir, 1, 5);
  // Another program holds the write lock (as a second Bottega writing would).
  const other = new Database(workspaceFileOf(dataDir));
  other.prepare('BEGIN EXCLUSIVE').run();
  const host: RunningWebHost = await startWebHostIn(dataDir);
  stops.push(() => host.stop());
  await page.goto(host.url);
  await expect(page.getByTestId('recovery-reason')).toContainText('wird von einem anderen Bottega-Fenster oder Programm verwendet');
  await new AppPage(page).screenshot('workspace-locked-de');
  other.prepare('ROLLBACK').run();
  other.close();
  await page.getByRole('button', { name: 'Erneut versuchen' }).click();
  await expect(new AppPage(page).navLink('feed')).toBeVisible();
});
