import { crc32, deflateSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { pickOption } from './picker';

const chunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A real PNG (48×32 unless told) in one colour per seed: a different image (and hash) each, that the browser can draw. */
export const pngFile = (name: string, seed: number, width = 48, height = 32): { name: string; mimeType: string; buffer: Buffer } => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [180, 60 + seed * 60, 40]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const buffer = Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
  return { name, mimeType: 'image/png', buffer };
};

/** The portfolio screen: items, the item editor per language, completeness, preview. */
export class PortfolioPage {
  readonly rows: Locator;
  readonly editor: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('portfolio-row');
    this.editor = page.locator('form.pf-editor');
  }

  tab(name: RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }

  async newItem(): Promise<void> {
    await this.page.getByTestId('new-item').click();
  }

  field(field: 'title' | 'role' | 'description' | 'goal' | 'solution'): Locator {
    return this.editor.getByTestId(`field-${field}`);
  }

  async fill(field: 'title' | 'role' | 'description' | 'goal' | 'solution', text: string): Promise<void> {
    await this.field(field).fill(text);
  }

  /** Opens the item at `index` (0-based) in the editor. */
  async openItem(index: number): Promise<void> {
    await this.rows.nth(index).locator('.pf-row-open').click();
  }

  /** "Unsaved changes … restored", shown when a form opens with what was typed and never saved. */
  get draftNotice(): Locator {
    return this.page.getByTestId('draft-restored');
  }

  async discardDraft(): Promise<void> {
    await this.draftNotice.getByTestId('draft-discard').click();
  }

  async addLanguage(tag: string): Promise<void> {
    await pickOption(this.editor.getByTestId('add-language'), tag);
  }

  async chooseMainLanguage(tag: string): Promise<void> {
    await pickOption(this.page.getByTestId('main-language'), tag);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('save-item').click();
  }

  /** The item editor's links, in order. */
  get links(): Locator {
    return this.editor.getByTestId('link-row');
  }

  async addLink(text: string): Promise<void> {
    await this.editor.getByTestId('link-input').fill(text);
    await this.editor.getByTestId('link-add').click();
  }

  /** Changes the link at `index` (0-based) in place. */
  async changeLink(index: number, text: string): Promise<void> {
    const row = this.links.nth(index);
    await row.getByTestId('link-change').click();
    await row.getByRole('textbox').fill(text);
    await row.getByRole('textbox').press('Enter');
  }

  async removeLink(index: number): Promise<void> {
    await this.links.nth(index).getByTestId('link-remove').click();
  }

  /** The profile form (Profile tab). */
  get profileForm(): Locator {
    return this.page.locator('form.pf-editor');
  }

  async chooseAvatar(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByTestId('avatar-input').setInputFiles([file]);
  }

  /** Natural size of a drawn image, to tell a cropped square or a thumbnail from the original. */
  static async naturalSize(image: Locator): Promise<{ width: number; height: number }> {
    return image.evaluate((element) => {
      const { naturalWidth, naturalHeight } = element as unknown as { naturalWidth: number; naturalHeight: number };
      return { width: naturalWidth, height: naturalHeight };
    });
  }
}
