/**
 * Everything the server and the workers use from the core, through the core's public API.
 */
export {
  CORE_VERSION,
  CompileError,
  RunSession,
  SpecError,
  compile,
  findFirstDivergence,
  parseSpec,
  parseSpecYaml,
  specHash,
  type ChunkReport,
  type Divergence,
  type NumericMode,
  type PlacementReport,
  type Program,
  type RecordedState,
  type Spec,
} from '../../core';
// NOTE: not yet exported by the core's index; move it there with the next change to that file.
export { runLength } from '../../core/session/run-length';
