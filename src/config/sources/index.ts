// The config sources' public face: where intended configs come from, how templates are
// rendered, and how a device's intended config is chosen.

export type { ConfigSource } from './source.js';
export { LocalSource } from './local.js';
export { renderTemplate, TemplateError, TemplateRenderer } from './template.js';
export { resolveAllIntended, resolveIntended, IntendedConfigError, type IntendedConfig, type IntendedResult } from './intended.js';
export * from './github.js';
