/** Shape of an MNIST digit, kept apart from the loader so pure code can use it without file access. */
export const MNIST_ROWS = 28;
export const MNIST_COLUMNS = 28;
export const MNIST_PIXELS = MNIST_ROWS * MNIST_COLUMNS;
/** Digits in the `mnist` package, both splits; global indices run 0..9,999. */
export const MNIST_DIGITS = 10000;
