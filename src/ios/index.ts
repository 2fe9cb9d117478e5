// Public API of the IOS config engine: pure functions, strings in, data out.

export { IosConfigError, type IosErrorKind } from './errors.js';
export { parseConfig, type ParseOptions } from './parse.js';
export { normalizeConfig, canonicalLine, type IgnoreRule, type NormalizeOptions } from './normalize.js';
export { remediate } from './remediate.js';
export { planConfig, planTrees, prepareConfig, preparePair, type PlanOptions } from './plan.js';
export { renderDeviceCommands, renderHumanCommands } from './render.js';
export { predictConfig, PredictError } from './predict.js';
export { converged } from './converged.js';
export { parseIgnoreRule, compileRegex } from './ignore-rule.js';
export { existingSectionsOfText } from './existing-sections.js';
export { serializeConfig } from './serialize.js';
export { stripVolatileLines } from './volatile.js';
export { ciscoIos } from './platforms/cisco-ios.js';
export type { Platform, CommandRule } from './platform.js';
export type * from './types.js';
