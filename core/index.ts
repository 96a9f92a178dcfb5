/**
 * The public API of the Livenet core: everything outside `core/` reaches the chip through these
 * exports.
 */
export type { Spec, LearningSpec } from './spec/schema';
export { parseSpec } from './spec/parse';
export { parseSpecYaml } from './spec/yaml';
export { compile } from './compile/compile';
export type { Program, PlacementReport, NumericMode } from './program';
export { LivenetError, SpecError, CompileError } from './errors';
export { simulate } from './run/simulate';
export type { SimulationResult, SimulateOptions } from './run/simulate';
export { RunSession, specHash } from './session/run-session';
export type { ChunkReport, RunOptions } from './session/run-session';
export type { RunEvent } from './session/tracker';
export { decodeSafetensors, encodeSafetensors } from './snapshot/safetensors';
export { estimateEnergy } from './energy/estimate';
export type { Counters } from './energy/counters';
export { CORE_VERSION } from './version';
export type { RecordedState, StateVariable } from './sim/recorder';
export { findFirstDivergence } from './run/replay';
export type { Divergence } from './run/replay';
export { createFixedEpropLearner } from './learning/eprop-fixed';
export type { FixedEpropConfig, FixedEpropLearner } from './learning/eprop-fixed';
