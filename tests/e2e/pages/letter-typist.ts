export { createRandom } from '../../support/random';
import { expect, type Locator, type Page } from '@playwright/test';

/** One keystroke as the test made it: what it adds to the letter's text, and when the page had taken it. */
type Keystroke = { at: number; adds: string };

/**
 * Types into the cover letter (or any text field) the way a person does, one key at a time at an uneven pace,
 * and remembers when each key was taken: what the text must hold after a crash is worked out from that record.
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

/**
 * Types `text` and, a few saves in (4.5–6 s) while keys keep coming, kills the core with `kill`; the typist
 * stops a moment later. Returns when the core was killed: what must have been saved is counted from then.
 */
export const typeWhileKilled = async (typist: LetterTypist, text: string, random: () => number, kill: () => Promise<void>): Promise<number> => {
  const typing = typist.type(text, random);
  await new Promise((resolve) => setTimeout(resolve, 4_500 + random() * 1_500));
  const killedAt = Date.now();
  await kill();
  await new Promise((resolve) => setTimeout(resolve, 300));
  typist.stop();
  await typing;
  expect(typist.typed().length).toBeGreaterThan(typist.typedBy(killedAt).length);
  return killedAt;
};

/** The promise of every typing save: a crash of the core or of the window loses at most the last second. */
const allowedLossMs = 1_000;

/** The text after the crash: nothing garbled (a prefix of what was typed), nothing older than a second lost. */
export const expectAtMostOneSecondLost = (saved: string, typist: LetterTypist, crashedAt: number): void => {
  const typed = typist.typed();
  const mustHave = typist.typedBy(crashedAt - allowedLossMs);
  expect(typed.startsWith(saved), `saved text ${JSON.stringify(saved)} is not a prefix of what was typed ${JSON.stringify(typed)}`).toBe(true);
  expect(saved.length, `saved ${saved.length} characters; ${mustHave.length} were typed a second or more before the crash`).toBeGreaterThanOrEqual(
    mustHave.length,
  );
  // Typing went on for a while: the check above covers more than an empty text.
  expect(mustHave.length).toBeGreaterThan(20);
};
