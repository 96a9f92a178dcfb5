/**
 * Everything the server and the workers use from the core, through the core's public API.
 */
export {
  CORE_VERSION,
  CompileError,
  RunSession,
  SpecError,
  compile,
  parseSpec,
  parseSpecYaml,
  specHash,
  type ChunkReport,
  type NumericMode,
  type PlacementReport,
  type Program,
  type Spec,
} from '../../core';
