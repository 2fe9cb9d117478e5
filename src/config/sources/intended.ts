// Chooses and produces a device's intended config from a ConfigSource. In order: `<name>.cfg`
// as written, `<name>.cfg.njk` rendered, or the inventory's `template` (usually inherited from a
// group) rendered with the device's vars. Having both `.cfg` and `.cfg.njk` is an error rather
// than a silent preference: one of them would be ignored, and nobody would notice which.

import path from 'node:path';
import type { Device } from '../inventory/types.js';
import type { ConfigSource } from './source.js';
import { TemplateError, TemplateRenderer } from './template.js';

export interface IntendedConfig {
  device: string;
  text: string;
  origin: { kind: 'file' | 'template'; path: string; location: string };
}

export type IntendedResult = { device: string; ok: true; value: IntendedConfig } | { device: string; ok: false; error: IntendedConfigError };

/** Why a device has no usable intended config; `location` is the file at fault, as the source names it. */
export class IntendedConfigError extends Error {
  constructor(
    readonly device: string,
    readonly location: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'IntendedConfigError';
  }
}

export async function resolveIntended(source: ConfigSource, device: Device): Promise<IntendedConfig> {
  const [result] = await resolveAllIntended(source, [device]);
  if (!result!.ok) throw result!.error;
  return result!.value;
}

/**
 * Every device's intended config, or its error, so that a caller can list every problem at once.
 * The source is listed once and each file read once, however many devices share a template.
 * Only a source that cannot be listed at all rejects.
 */
export async function resolveAllIntended(source: ConfigSource, devices: readonly Device[]): Promise<IntendedResult[]> {
  const files = new Set(await source.listFiles());
  const renderer = new TemplateRenderer(source);
  return Promise.all(
    devices.map(async (device): Promise<IntendedResult> => {
      try {
        return { device: device.name, ok: true, value: await resolveOne(source, files, renderer, device) };
      } catch (error) {
        return { device: device.name, ok: false, error: asIntendedError(source, device, error) };
      }
    }),
  );
}

async function resolveOne(source: ConfigSource, files: Set<string>, renderer: TemplateRenderer, device: Device): Promise<IntendedConfig> {
  const plain = `${device.name}.cfg`;
  const templated = `${device.name}.cfg.njk`;
  if (files.has(plain) && files.has(templated)) {
    throw new IntendedConfigError(
      device.name,
      source.locate(plain),
      undefined,
      `ambiguous intended config for ${device.name}: both ${source.locate(plain)} and ${source.locate(templated)} exist; keep one`,
    );
  }
  if (files.has(plain)) {
    const text = await source.readFile(plain);
    // Listed but gone: the source changed under us; report it like a missing config.
    if (text !== undefined) return { device: device.name, text, origin: { kind: 'file', path: plain, location: source.locate(plain) } };
  }
  const template = files.has(templated) ? templated : device.template === undefined ? undefined : path.posix.normalize(device.template);
  if (template === undefined) {
    throw new IntendedConfigError(
      device.name,
      source.description,
      undefined,
      `no intended config for ${device.name}: expected ${source.locate(plain)}, ${source.locate(templated)} or a template in the inventory`,
    );
  }
  if (!files.has(template)) {
    throw new IntendedConfigError(
      device.name,
      source.locate(template),
      undefined,
      `template ${source.locate(template)}, set for ${device.name} in the inventory, does not exist`,
    );
  }
  const text = await renderer.render(template, templateContext(device));
  return { device: device.name, text, origin: { kind: 'template', path: template, location: source.locate(template) } };
}

/** The device's vars at top level, plus `device` describing the device itself. */
function templateContext(device: Device): Record<string, unknown> {
  if (Object.hasOwn(device.vars, 'device')) {
    // Silently preferring either would render a config with the wrong values.
    throw new IntendedConfigError(
      device.name,
      'inventory',
      device.line,
      `${device.name}: the variable "device" clashes with the built-in template variable (device.name, device.host, …); rename it in the inventory`,
    );
  }
  const { name, host, port, role, site, wave, groups, platform, transport } = device;
  return { ...device.vars, device: { name, host, port, role, site, wave, groups, platform, transport } };
}

function asIntendedError(source: ConfigSource, device: Device, error: unknown): IntendedConfigError {
  if (error instanceof IntendedConfigError) return error;
  if (error instanceof TemplateError) return new IntendedConfigError(device.name, error.file, error.line, `${error.message} (rendering ${device.name})`);
  return new IntendedConfigError(device.name, source.description, undefined, `${device.name}: ${(error as Error).message ?? String(error)}`);
}
