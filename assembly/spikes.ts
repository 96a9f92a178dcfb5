// Spike list: the indices of the neurons that spiked this tick, for the host's delivery loop.
// Spikes are sparse (about one neuron in a thousand per tick at 10 Hz and dt 0.1 ms), so the
// scan tests sixteen spike bytes per SIMD step and visits only the set lanes of a non-zero step.

/**
 * Writes the indices i in 0..size-1 with a non-zero byte at spiked + i to the i32 array at
 * `list`, in ascending order, and returns their count. `list` needs room for `size` indices.
 */
export function listSpikes(spiked: usize, size: i32, list: usize): i32 {
  let count = 0;
  const zero = i8x16.splat(0);
  const vectorEnd = size & ~15;
  for (let i = 0; i < vectorEnd; i += 16) {
    let mask = i8x16.bitmask(i8x16.ne(v128.load(spiked + i), zero));
    while (mask != 0) {
      store<i32>(list + ((<usize>count) << 2), i + ctz(mask));
      count++;
      mask &= mask - 1;
    }
  }
  for (let i = vectorEnd; i < size; i++) {
    if (load<u8>(spiked + i) != 0) {
      store<i32>(list + ((<usize>count) << 2), i);
      count++;
    }
  }
  return count;
}
