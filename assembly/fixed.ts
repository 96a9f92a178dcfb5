// Fixed-point helpers shared by the LIF and ALIF kernels: scalar and four-lane (i32x4) forms.
//
// Decay without 64-bit products: for 0 <= m < 2^31 and 0 <= f <= 4096, write m = h * 4096 + l
// with l < 4096. Then floor(m * f / 4096) = h * f + floor(l * f / 4096), where both products
// fit in 32 bits. Rounding toward zero works on the magnitude and puts the sign back, which is
// exact for every int32 input.
//
// The four-lane helpers are exported to the kernel files only, never from the WebAssembly
// module, so the compiler's AS112 warning about exchanging v128 values with the host is moot.

const LOW_12_BITS: i32 = 4095;
export const INT24_MAX: i32 = 8388607;

// Neurons of the last population update whose u or v is non-zero afterwards, or that spiked. The
// kernels return their spike count, so this second result waits here for the host to read.
let activeNeurons: i32 = 0;

export function resetActiveNeurons(): void {
  activeNeurons = 0;
}

export function addActiveNeurons(count: i32): void {
  activeNeurons += count;
}

export function activeNeuronCount(): i32 {
  return activeNeurons;
}

export function decay(x: i32, factor: i32): i32 {
  const sign = x >> 31;
  const magnitude = (x ^ sign) - sign;
  const scaled = (magnitude >>> 12) * factor + (((magnitude & LOW_12_BITS) * factor) >>> 12);
  return (scaled ^ sign) - sign;
}

export function wrap24(x: i32): i32 {
  return (x << 8) >> 8;
}

export function clip24(x: i32): i32 {
  return max(min(x, INT24_MAX), -INT24_MAX);
}

export function decayLanes(x: v128, factor: v128): v128 {
  const sign = i32x4.shr_s(x, 31);
  const magnitude = i32x4.sub(v128.xor(x, sign), sign);
  const high = i32x4.mul(i32x4.shr_u(magnitude, 12), factor);
  const low = i32x4.shr_u(i32x4.mul(v128.and(magnitude, i32x4.splat(LOW_12_BITS)), factor), 12);
  const scaled = i32x4.add(high, low);
  return i32x4.sub(v128.xor(scaled, sign), sign);
}

export function loadBytesAsLanes(pointer: usize): v128 {
  return i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(pointer)));
}

// Stores four lanes holding 0..255 as four bytes; unsigned saturation keeps those values as they are.
export function storeLanesAsBytes(pointer: usize, lanes: v128): void {
  const halves = i16x8.narrow_i32x4_u(lanes, lanes);
  v128.store32_lane(pointer, i8x16.narrow_i16x8_u(halves, halves), 0);
}

export function horizontalSum(lanes: v128): i32 {
  return (
    i32x4.extract_lane(lanes, 0) +
    i32x4.extract_lane(lanes, 1) +
    i32x4.extract_lane(lanes, 2) +
    i32x4.extract_lane(lanes, 3)
  );
}
