/** Version of the core's semantics: runs are reproducible for the same spec, seed and core version. */
export const CORE_VERSION = '0.2.0';
