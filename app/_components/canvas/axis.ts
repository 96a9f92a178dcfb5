/**
 * Picks round axis marks (1, 2 or 5 times a power of ten apart) covering `[min, max]`, at most
 * about `maxMarks` of them. Returns an empty list for an empty or non-finite range.
 */
export function niceTicks(min: number, max: number, maxMarks: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min || maxMarks < 1) return [];

  const rawStep = (max - min) / maxMarks;
  const magnitude = 10 ** Math.floor(Math.log10(rawStep));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rawStep) ?? 10 * magnitude;

  const marks: number[] = [];
  const first = Math.ceil(min / step) * step;
  for (let value = first; value <= max + step * 1e-9; value += step) {
    // Rounding to the step's decimals removes drift such as 0.30000000000000004.
    const decimals = Math.max(0, -Math.floor(Math.log10(step)));
    marks.push(Number(value.toFixed(decimals)));
  }
  return marks;
}

/** Formats an axis number compactly: 1200 -> "1.2k", 3000000 -> "3M". */
export function formatCompact(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e9) return `${trim(value / 1e9)}G`;
  if (magnitude >= 1e6) return `${trim(value / 1e6)}M`;
  if (magnitude >= 1e4) return `${trim(value / 1e3)}k`;
  return trim(value);
}

function trim(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(3)));
}
