// Reads catnet.config.yaml into an Inventory: YAML, then `${ENV}` substitution, then the schema,
// then the references between groups and devices. Every problem of every step is collected and
// thrown as one ConfigFileError, so that a broken file is fixed in one pass.

import path from 'node:path';
import type { ConfigProblem } from '../config-file-error.js';
import { ConfigFileError, checkSchema, issuePath, problemAt, readConfigText, readYamlDocument, schemaProblems } from '../yaml-file.js';
import { locateField, type FieldPath } from '../yaml-locate.js';
import { coerceSubstituted, substituteEnv, type Environment, type PathProblem } from './env.js';
import { referenceProblems, resolveDevice } from './resolve.js';
import { scheduleReferenceProblems } from './schedules.js';
import { inventorySchema, type InventoryFile } from './schema.js';
import type { Inventory, Settings } from './types.js';

export interface LoadInventoryOptions {
  /** Variables for `${NAME}`; default process.env. */
  env?: Environment;
}

export async function loadInventory(file: string, options: LoadInventoryOptions = {}): Promise<Inventory> {
  return parseInventory(await readConfigText(file), file, options.env);
}

/** `file` names the text in messages and anchors the relative paths of the settings. */
export function parseInventory(text: string, file: string, env: Environment = process.env): Inventory {
  const document = readYamlDocument(text, file);
  if (document.problems.length > 0) throw new ConfigFileError(file, document.problems);
  const substitution = substituteEnv(document.data ?? {}, env);
  let check = checkSchema(text, substitution.data, inventorySchema);
  if (!check.success && coerceSubstituted(substitution.data, check.issues, substitution.whole)) {
    check = checkSchema(text, substitution.data, inventorySchema);
  }
  const located = (problems: PathProblem[]) => problems.map((p) => problemAt(text, p.path, p.message));
  const envPaths = substitution.problems.map((p) => p.path);
  const problems = [
    ...located(substitution.problems),
    // A field whose variable is missing is reported once, for the variable, not again for its value.
    ...(check.success ? [] : schemaProblems(text, check.issues.filter((issue) => !envPaths.some((p) => startsWith(issuePath(issue), p))))),
    ...located(referenceProblems(substitution.data)),
    ...located(fileScheduleProblems(substitution.data)),
  ];
  if (problems.length > 0 || !check.success) throw new ConfigFileError(file, byLine(problems));
  return buildInventory(check.data, text, path.resolve(file));
}

function buildInventory(data: InventoryFile, text: string, file: string): Inventory {
  const settings = resolveSettings(data.settings, path.dirname(file));
  return {
    file,
    settings,
    devices: data.devices.map((entry, i) => resolveDevice(entry, data, settings.health_checks, locateField(text, ['devices', i]))),
    groups: Object.keys(data.groups),
    document: data,
  };
}

/** The schedules' references, against the devices and groups of the file (read loosely). */
function fileScheduleProblems(document: unknown): PathProblem[] {
  const root = (document ?? {}) as { settings?: { schedules?: unknown }; groups?: unknown; devices?: unknown };
  const devices = Array.isArray(root.devices) ? root.devices.map((d: { name?: unknown } | null) => d?.name).filter((n) => typeof n === 'string') : [];
  const groups = root.groups !== null && typeof root.groups === 'object' ? Object.keys(root.groups) : [];
  return scheduleReferenceProblems(root.settings?.schedules, new Set(devices), new Set(groups));
}

/** Fills the defaults that depend on other settings, and makes every local path absolute. */
function resolveSettings(settings: InventoryFile['settings'], folder: string): Settings {
  const at = (p: string) => path.resolve(folder, p);
  const state = at(settings.paths.state);
  const paths = {
    configs: at(settings.paths.configs),
    backups: at(settings.paths.backups),
    state,
    credentials: at(settings.paths.credentials),
    known_hosts: settings.paths.known_hosts === undefined ? path.join(state, 'known_hosts') : at(settings.paths.known_hosts),
  };
  const source = settings.source ?? { type: 'local' };
  return {
    ...settings,
    paths,
    source: source.type === 'local' ? { type: 'local', path: source.path === undefined ? paths.configs : at(source.path) } : source,
  };
}

function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => path[i] === part);
}

/** In file order; problems without a line (none expected) last. */
function byLine(problems: ConfigProblem[]): ConfigProblem[] {
  return problems
    .map((problem, i) => ({ problem, i }))
    .sort((a, b) => (a.problem.line ?? Infinity) - (b.problem.line ?? Infinity) || a.i - b.i)
    .map(({ problem }) => problem);
}
