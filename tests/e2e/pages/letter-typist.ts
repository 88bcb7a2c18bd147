import type { Locator, Page } from '@playwright/test';

/** One keystroke as the test made it: what it adds to the letter's text, and when the page had taken it. */
type Keystroke = { at: number; adds: string };

/**
 * Types into the cover letter the way a person does, one key at a time at an uneven pace, and remembers when
 * each key was taken: what the letter must hold after a crash is worked out from that record.
 */
export class LetterTypist {
  readonly keystrokes: Keystroke[] = [];
  private stopped = false;

  constructor(
    readonly page: Page,
    readonly coverLetter: Locator,
  ) {}

  /**
   * Types `text` (a newline is Enter: a new paragraph, two newlines in the saved text) with 60–140 ms between
   * keys, a brisk typist who never pauses long enough for a debounce alone to save; stops early on `stop()`.
   */
  async type(text: string, random: () => number): Promise<void> {
    await this.coverLetter.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    for (const char of text) {
      if (this.stopped) return;
      try {
        if (char === '\n') await this.page.keyboard.press('Enter');
        else await this.page.keyboard.type(char);
      } catch {
        // The page went away under the keystroke (the window crash): it was never taken.
        return;
      }
      this.keystrokes.push({ at: Date.now(), adds: char === '\n' ? '\n\n' : char });
      await new Promise((resolve) => setTimeout(resolve, 60 + random() * 80));
    }
  }

  /** No more keys after this (the test is about to crash something). */
  stop(): void {
    this.stopped = true;
  }

  /** Everything typed, as the letter's saved text spells it. */
  typed(): string {
    return this.keystrokes.map((key) => key.adds).join('');
  }

  /** What had been typed by `time`. */
  typedBy(time: number): string {
    return this.keystrokes
      .filter((key) => key.at <= time)
      .map((key) => key.adds)
      .join('');
  }
}
