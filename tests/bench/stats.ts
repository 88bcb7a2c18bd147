export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

/** The nearest-rank percentile (0 for no values). */
export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
