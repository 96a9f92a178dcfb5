// Draw-hungry loops of the run's random streams in WebAssembly (AssemblyScript), bit-identical to
// the TypeScript references: `PoissonEncoder.encode` (core/encoders/poisson.ts) and
// `decayAllStochastic` (core/learning/fixed-point.ts). The generator is xoshiro128**, as
// `RandomStream.nextUint32` in core/random.ts. The host copies the stream's four state words to
// `state` before a call and reads them back after it, so the stream goes on exactly where the loop
// stopped, whichever side draws next.

// Each loop keeps the four state words in locals and inlines the generator's step.
function rotl32(x: u32, k: u32): u32 {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Draws one Bernoulli sample per input: out[i] = 1 when the i-th draw u (uint32) is below the f64
 * threshold at thresholds + 8i, else 0, for i in 0..n-1, one draw per input whatever its threshold.
 * Returns how many inputs fired.
 */
export function bernoulli(state: usize, thresholds: usize, out: usize, n: i32): i32 {
  let s0 = load<u32>(state);
  let s1 = load<u32>(state, 4);
  let s2 = load<u32>(state, 8);
  let s3 = load<u32>(state, 12);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const draw = rotl32(s1 * 5, 7) * 9;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl32(s3, 11);

    const spike: i32 = <f64>draw < load<f64>(thresholds + ((<usize>i) << 3)) ? 1 : 0;
    store<u8>(out + <usize>i, <u8>spike);
    count += spike;
  }
  store<u32>(state, s0);
  store<u32>(state, s1, 4);
  store<u32>(state, s2, 8);
  store<u32>(state, s3, 12);
  return count;
}

/**
 * Multiplies each non-zero i32 at values + 4i (i in 0..n-1) by factor / 4096 and rounds the
 * magnitude stochastically: floor, plus one when the draw's top 12 bits fall below the dropped
 * 12-bit fraction. A value whose fraction is zero takes no draw. The sign is restored afterwards.
 * |value| * factor stays below 2^36 for 24-bit values and factor <= 4096, so an i64 represents it exactly.
 */
export function decayStochastic(state: usize, values: usize, n: i32, factor: i32): void {
  let s0 = load<u32>(state);
  let s1 = load<u32>(state, 4);
  let s2 = load<u32>(state, 8);
  let s3 = load<u32>(state, 12);
  for (let i = 0; i < n; i++) {
    const address = values + ((<usize>i) << 2);
    const value = load<i32>(address);
    if (value == 0) continue;

    const product = <i64>abs<i32>(value) * <i64>factor;
    let magnitude = <i32>(product >> 12);
    const fraction = <u32>(product & 4095);
    if (fraction != 0) {
      const draw = rotl32(s1 * 5, 7) * 9;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl32(s3, 11);
      if (draw >>> 20 < fraction) magnitude++;
    }
    store<i32>(address, value > 0 ? magnitude : -magnitude);
  }
  store<u32>(state, s0);
  store<u32>(state, s1, 4);
  store<u32>(state, s2, 8);
  store<u32>(state, s3, 12);
}
