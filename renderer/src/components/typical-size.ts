/**
 * The height rows most often had lately (the most frequent of the last `window` measured, the latest on a tie):
 * a virtual list's estimate for rows not drawn yet. Learned, so it holds for this window's width, fonts and
 * language, and follows a change of width (a pane opened beside the list) within a few rows.
 */
export const createTypicalSize = (initial: number, window = 32) => {
  const recent: number[] = [];
  let typical = initial;
  return {
    get: (): number => typical,
    /** Records a measured size and gives it back. */
    note: (size: number): number => {
      recent.push(size);
      if (recent.length > window) recent.shift();
      const counts = new Map<number, number>();
      let best = 0;
      for (const value of recent) {
        const count = (counts.get(value) ?? 0) + 1;
        counts.set(value, count);
        if (count >= best) {
          best = count;
          typical = value;
        }
      }
      return size;
    },
  };
};
