// Devices added through the REST API live in the state database, not in the YAML. They are held to
// the rules of a `devices:` item and inherit from the same file's defaults and groups, so that an
// API device behaves exactly like one written in the file.

import type { z } from 'zod';
import { readableIssueMessage } from '../zod-messages.js';
import { resolveDevice } from './resolve.js';
import { deviceSchema } from './schema.js';
import type { Device, Inventory } from './types.js';

export interface DeviceIssue {
  /** Dotted field path in the entry (`groups.0`, `port`); empty for the entry itself. */
  path: string;
  message: string;
}

export type DeviceResolution = { ok: true; device: Device } | { ok: false; issues: DeviceIssue[] };

/**
 * Validates `entry` with the inventory's device schema (same rules as a `devices:` item: strict
 * keys, name pattern, groups that exist, …) and resolves it with the file's defaults and groups.
 * `line` of the Device is undefined. A name that clashes with a YAML device is the caller's check.
 */
export function resolveExtraDevice(inventory: Inventory, entry: unknown): DeviceResolution {
  const result = deviceSchema.safeParse(entry, { error: readableIssueMessage });
  // Groups are checked on the raw entry too, so that all problems are reported at once.
  const issues = [...(result.success ? [] : result.error.issues.flatMap(toIssues)), ...unknownGroups(entry, inventory.groups)];
  if (!result.success || issues.length > 0) return { ok: false, issues };
  return { ok: true, device: resolveDevice(result.data, inventory.document, inventory.settings.health_checks, undefined) };
}

function toIssues(issue: z.core.$ZodIssue): DeviceIssue[] {
  const path = issue.path.map(String);
  if (issue.code !== 'unrecognized_keys') return [{ path: path.join('.'), message: issue.message }];
  return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: 'unknown field' }));
}

function unknownGroups(entry: unknown, known: readonly string[]): DeviceIssue[] {
  const groups = entry !== null && typeof entry === 'object' ? (entry as { groups?: unknown }).groups : undefined;
  if (!Array.isArray(groups)) return [];
  return groups.flatMap((name: unknown, i) => (typeof name === 'string' && !known.includes(name) ? [{ path: `groups.${i}`, message: `unknown group ${JSON.stringify(name)}` }] : []));
}
