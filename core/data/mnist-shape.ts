/** Shape of an MNIST digit, kept apart from the loader so pure code can use it without file access. */
export const MNIST_ROWS = 28;
export const MNIST_COLUMNS = 28;
export const MNIST_PIXELS = MNIST_ROWS * MNIST_COLUMNS;
