// Fixed-point ALIF population update: the LIF update of lif.ts plus the threshold offset, which
// decays before the threshold test and saturates at 2^23 - 1 after each spike's increment.

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

/** Updates ALIF neurons start..size-1 one at a time, adds their active count and returns their spike count. */
function stepAlifRange(
  start: i32,
  u: usize,
  v: usize,
  refractoryLeft: usize,
  thresholdOffset: usize,
  aIn: usize,
  spiked: usize,
  size: i32,
  currentFactor: i32,
  voltageFactor: i32,
  offsetFactor: i32,
  bias: i32,
  threshold: i32,
  adaptStep: i32,
  refractoryTicks: i32,
): i32 {
  let spikeCount = 0;
  let activeCount = 0;
  for (let i = start; i < size; i++) {
    const word = (<usize>i) << 2;
    const current = wrap24(decay(load<i32>(u + word), currentFactor) + (load<i32>(aIn + word) << 6));
    store<i32>(u + word, current);

    const offset = decay(load<i32>(thresholdOffset + word), offsetFactor);
    const ticksLeft = <i32>load<u8>(refractoryLeft + i);
    if (ticksLeft > 0) {
      store<u8>(refractoryLeft + i, <u8>(ticksLeft - 1));
      store<i32>(thresholdOffset + word, offset);
      store<i32>(v + word, 0);
      store<u8>(spiked + i, 0);
      activeCount += i32(current != 0);
      continue;
    }

    const voltage = clip24(decay(load<i32>(v + word), voltageFactor) + current + bias);
    if (voltage > threshold + offset) {
      store<i32>(v + word, 0);
      store<u8>(refractoryLeft + i, <u8>refractoryTicks);
      store<i32>(thresholdOffset + word, clip24(offset + adaptStep));
      store<u8>(spiked + i, 1);
      spikeCount++;
      activeCount++;
    } else {
      store<i32>(v + word, voltage);
      store<i32>(thresholdOffset + word, offset);
      store<u8>(spiked + i, 0);
      activeCount += i32((current | voltage) != 0);
    }
  }
  addActiveNeurons(activeCount);
  return spikeCount;
}

/** Updates a whole ALIF population one neuron at a time and returns its spike count. */
export function stepAlifScalar(
  u: usize,
  v: usize,
  refractoryLeft: usize,
  thresholdOffset: usize,
  aIn: usize,
  spiked: usize,
  size: i32,
  currentFactor: i32,
  voltageFactor: i32,
  offsetFactor: i32,
  bias: i32,
  threshold: i32,
  adaptStep: i32,
  refractoryTicks: i32,
): i32 {
  resetActiveNeurons();
  return stepAlifRange(
    0,
    u,
    v,
    refractoryLeft,
    thresholdOffset,
    aIn,
    spiked,
    size,
    currentFactor,
    voltageFactor,
    offsetFactor,
    bias,
    threshold,
    adaptStep,
    refractoryTicks,
  );
}

/** Updates a whole ALIF population four neurons per step and returns its spike count. */
export function stepAlif(
  u: usize,
  v: usize,
  refractoryLeft: usize,
  thresholdOffset: usize,
  aIn: usize,
  spiked: usize,
  size: i32,
  currentFactor: i32,
  voltageFactor: i32,
  offsetFactor: i32,
  bias: i32,
  threshold: i32,
  adaptStep: i32,
  refractoryTicks: i32,
): i32 {
  const currentFactors = i32x4.splat(currentFactor);
  const voltageFactors = i32x4.splat(voltageFactor);
  const offsetFactors = i32x4.splat(offsetFactor);
  const biases = i32x4.splat(bias);
  const thresholds = i32x4.splat(threshold);
  const adaptSteps = i32x4.splat(adaptStep);
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

    const offset = decayLanes(v128.load(thresholdOffset + word), offsetFactors);
    const ticksLeft = loadBytesAsLanes(refractoryLeft + i);
    const blocked = i32x4.ne(ticksLeft, zero);
    const integrated = i32x4.add(i32x4.add(decayLanes(v128.load(v + word), voltageFactors), current), biases);
    const voltage = i32x4.max_s(i32x4.min_s(integrated, upper), lower);
    const fired = v128.andnot(i32x4.gt_s(voltage, i32x4.add(thresholds, offset)), blocked);

    const adapted = i32x4.max_s(i32x4.min_s(i32x4.add(offset, adaptSteps), upper), lower);
    v128.store(thresholdOffset + word, v128.bitselect(adapted, offset, fired));
    const storedVoltage = v128.andnot(voltage, v128.or(fired, blocked));
    v128.store(v + word, storedVoltage);
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

  const tailSpikes = stepAlifRange(
    vectorEnd,
    u,
    v,
    refractoryLeft,
    thresholdOffset,
    aIn,
    spiked,
    size,
    currentFactor,
    voltageFactor,
    offsetFactor,
    bias,
    threshold,
    adaptStep,
    refractoryTicks,
  );
  addActiveNeurons(horizontalSum(activeLanes));
  return horizontalSum(spikeLanes) + tailSpikes;
}
