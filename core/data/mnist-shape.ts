/** Shape of an MNIST digit, kept apart from the loader so pure code can use it without file access. */
export const MNIST_ROWS = 28;
export const MNIST_COLUMNS = 28;
export const MNIST_PIXELS = MNIST_ROWS * MNIST_COLUMNS;
/** Digits in the `mnist` package, both splits; global indices run 0..9,999. */
export const MNIST_DIGITS = 10000;
/** Digits per class 0..9 in `mnist` 1.1.0. */
export const MNIST_CLASS_COUNTS: readonly number[] = Object.freeze([
  1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978,
]);
export const MNIST_TEST_FRACTION = 0.2;

/**
 * Returns the global index ranges `[first, last]` of a split, one per class: the test split contains
 * the last `round(0.2 * n_d)` digits of each class d, the training split the rest.
 */
export function mnistSplitRanges(split: 'train' | 'test'): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (const count of MNIST_CLASS_COUNTS) {
    const testStart = start + count - Math.round(MNIST_TEST_FRACTION * count);
    ranges.push(split === 'test' ? [testStart, start + count - 1] : [start, testStart - 1]);
    start += count;
  }
  return ranges;
}
