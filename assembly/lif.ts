// Fixed-point LIF and ALIF population update in WebAssembly (AssemblyScript), bit-identical to
// the TypeScript reference in core/neuron/lif.ts and core/neuron/alif.ts, whose module docs
// state the equations and the order of operations. This is the module's entry file.
//
// The population arrays live in this module's linear memory, and the host passes byte pointers
// to them. u, v, thresholdOffset and aIn are i32 arrays, while refractoryLeft and spiked are u8.
// Four neurons are updated per SIMD step (i32x4), the last size % 4 one at a time. Each update
// returns its spike count and leaves its active count (u or v non-zero after the update, or a
// spike) for `activeNeuronCount`, so the host needs no second pass over the state.
//
// Every sum stays below 2^25 in magnitude for 24-bit states, except u + aIn * 64, which may
// overflow 32 bits. That is harmless because only its value modulo 2^24 is kept.
//
// Precondition: u, v and thresholdOffset hold 24-bit values, as every update leaves them.

import {
  addActiveNeurons,
  clip24,
  decay,
  decayLanes,
  horizontalSum,
  INT24_MAX,
  loadBytesAsLanes,
  resetActiveNeurons,
  storeLanesAsBytes,
  wrap24,
} from './fixed';

export { stepAlif, stepAlifScalar } from './alif';
export { activeNeuronCount } from './fixed';
export { listSpikes } from './spikes';
export { bernoulli, decayStochastic } from './random';

/** Updates LIF neurons start..size-1 one at a time, adds their active count and returns their spike count. */
function stepLifRange(
  start: i32,
  u: usize,
  v: usize,
  refractoryLeft: usize,
  aIn: usize,
  spiked: usize,
  size: i32,
  currentFactor: i32,
  voltageFactor: i32,
  bias: i32,
  threshold: i32,
  refractoryTicks: i32,
): i32 {
  let spikeCount = 0;
  let activeCount = 0;
  for (let i = start; i < size; i++) {
    const word = (<usize>i) << 2;
    const current = wrap24(decay(load<i32>(u + word), currentFactor) + (load<i32>(aIn + word) << 6));
    store<i32>(u + word, current);

    const ticksLeft = <i32>load<u8>(refractoryLeft + i);
    if (ticksLeft > 0) {
      store<u8>(refractoryLeft + i, <u8>(ticksLeft - 1));
      store<i32>(v + word, 0);
      store<u8>(spiked + i, 0);
      activeCount += i32(current != 0);
      continue;
    }

    const voltage = clip24(decay(load<i32>(v + word), voltageFactor) + current + bias);
    if (voltage > threshold) {
      store<i32>(v + word, 0);
      store<u8>(refractoryLeft + i, <u8>refractoryTicks);
      store<u8>(spiked + i, 1);
      spikeCount++;
      activeCount++;
    } else {
      store<i32>(v + word, voltage);
      store<u8>(spiked + i, 0);
      activeCount += i32((current | voltage) != 0);
    }
  }
  addActiveNeurons(activeCount);
  return spikeCount;
}

/** Updates a whole LIF population one neuron at a time and returns its spike count. */
export function stepLifScalar(
  u: usize,
  v: usize,
  refractoryLeft: usize,
  aIn: usize,
  spiked: usize,
  size: i32,
  currentFactor: i32,
  voltageFactor: i32,
  bias: i32,
  threshold: i32,
  refractoryTicks: i32,
): i32 {
  resetActiveNeurons();
  return stepLifRange(
    0,
    u,
    v,
    refractoryLeft,
    aIn,
    spiked,
    size,
    currentFactor,
    voltageFactor,
    bias,
    threshold,
    refractoryTicks,
  );
}

/** Updates a whole LIF population four neurons per step and returns its spike count. */
export function stepLif(
  u: usize,
  v: usize,
  refractoryLeft: usize,
  aIn: usize,
  spiked: usize,
  size: i32,
  currentFactor: i32,
  voltageFactor: i32,
  bias: i32,
  threshold: i32,
  refractoryTicks: i32,
): i32 {
  const currentFactors = i32x4.splat(currentFactor);
  const voltageFactors = i32x4.splat(voltageFactor);
  const biases = i32x4.splat(bias);
  const thresholds = i32x4.splat(threshold);
  const refractoryResets = i32x4.splat(refractoryTicks);
  const upper = i32x4.splat(INT24_MAX);
  const lower = i32x4.splat(-INT24_MAX);
  const zero = i32x4.splat(0);
  const one = i32x4.splat(1);
  let spikeLanes = zero;
  let activeLanes = zero;
  resetActiveNeurons();

  const vectorEnd = size & ~3;
  for (let i = 0; i < vectorEnd; i += 4) {
    const word = (<usize>i) << 2;
    const shiftedInput = i32x4.shl(v128.load(aIn + word), 6);
    const current = i32x4.shr_s(
      i32x4.shl(i32x4.add(decayLanes(v128.load(u + word), currentFactors), shiftedInput), 8),
      8,
    );
    v128.store(u + word, current);

    // Lanes are all ones where the neuron is refractory or fires, all zeros elsewhere.
    const ticksLeft = loadBytesAsLanes(refractoryLeft + i);
    const blocked = i32x4.ne(ticksLeft, zero);
    const integrated = i32x4.add(i32x4.add(decayLanes(v128.load(v + word), voltageFactors), current), biases);
    const voltage = i32x4.max_s(i32x4.min_s(integrated, upper), lower);
    const fired = v128.andnot(i32x4.gt_s(voltage, thresholds), blocked);

    const storedVoltage = v128.andnot(voltage, v128.or(fired, blocked));
    v128.store(v + word, storedVoltage);
    // A blocked lane adds -1 to its countdown; a firing lane had 0 and takes the full period.
    storeLanesAsBytes(
      refractoryLeft + i,
      v128.or(i32x4.add(ticksLeft, blocked), v128.and(fired, refractoryResets)),
    );
    storeLanesAsBytes(spiked + i, v128.and(fired, one));
    spikeLanes = i32x4.sub(spikeLanes, fired);
    // A lane is active when its stored u or v is non-zero, or it fired (and so stored v = 0).
    const nonZero = i32x4.ne(v128.or(current, storedVoltage), zero);
    activeLanes = i32x4.sub(activeLanes, v128.or(nonZero, fired));
  }

  const tailSpikes = stepLifRange(
    vectorEnd,
    u,
    v,
    refractoryLeft,
    aIn,
    spiked,
    size,
    currentFactor,
    voltageFactor,
    bias,
    threshold,
    refractoryTicks,
  );
  addActiveNeurons(horizontalSum(activeLanes));
  return horizontalSum(spikeLanes) + tailSpikes;
}

/** Returns the first byte of linear memory that the module itself does not use. */
export function heapBase(): usize {
  return __heap_base;
}
