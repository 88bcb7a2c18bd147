import { describe, expect, it } from 'vitest';
import { createTypicalSize } from '../../../renderer/src/components/typical-size';

describe('typical size', () => {
  it('starts at the given estimate and becomes the height rows most often have', () => {
    const typical = createTypicalSize(116);
    expect(typical.get()).toBe(116);
    expect(typical.note(121)).toBe(121);
    for (const size of [121, 145, 121, 167, 121]) typical.note(size);
    expect(typical.get()).toBe(121);
  });

  it('takes the latest of equally frequent heights', () => {
    const typical = createTypicalSize(100);
    typical.note(121);
    typical.note(145);
    expect(typical.get()).toBe(145);
  });

  it('follows a new width within its window of recent rows', () => {
    const typical = createTypicalSize(100, 8);
    for (let i = 0; i < 50; i++) typical.note(121);
    for (let i = 0; i < 5; i++) typical.note(145);
    expect(typical.get()).toBe(145);
  });
});
