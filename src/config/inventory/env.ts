// `${NAME}` in any string value of the inventory is replaced by the environment variable NAME, so
// that one file serves several sites or keeps addresses out of git. `${NAME:-default}` gives a
// value for an unset or empty variable, and `$${` writes a literal `${`. Substitution runs on the
// parsed document, before the schema, so that keys and YAML syntax are never rewritten.

import type { z } from 'zod';
import type { FieldPath } from '../yaml-locate.js';

export type Environment = Record<string, string | undefined>;

export interface PathProblem {
  path: FieldPath;
  message: string;
}

export interface Substitution {
  data: unknown;
  problems: PathProblem[];
  /** Fields whose whole value was one `${NAME}`: they may stand for a number or a boolean. */
  whole: FieldPath[];
}

const REFERENCE = /\$\$\{|\$\{([^}]*)\}|\$\{/g;
const INNER = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s;

export function substituteEnv(data: unknown, env: Environment): Substitution {
  const result: Substitution = { data: undefined, problems: [], whole: [] };
  result.data = walk(data, [], env, result);
  return result;
}

function walk(value: unknown, path: (string | number)[], env: Environment, out: Substitution): unknown {
  if (typeof value === 'string') return substituteString(value, path, env, out);
  if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i], env, out));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, [...path, key], env, out)]));
  }
  return value;
}

function substituteString(text: string, path: FieldPath, env: Environment, out: Substitution): string {
  let references = 0;
  const replaced = text.replace(REFERENCE, (match: string, inner: string | undefined) => {
    if (match === '$${') return '${';
    references++;
    const parsed = inner === undefined ? null : INNER.exec(inner);
    if (!parsed) {
      out.problems.push({ path, message: `invalid variable reference ${JSON.stringify(match)} (write $\${ for a literal \${)` });
      return match;
    }
    const [, name, fallback] = parsed as unknown as [string, string, string | undefined];
    const set = env[name];
    if (set !== undefined && (set !== '' || fallback === undefined)) return set;
    if (fallback !== undefined) return fallback;
    out.problems.push({ path, message: `environment variable ${name} is not set` });
    return match;
  });
  if (references === 1 && /^\$\{[^}]*\}$/.test(text)) out.whole.push(path);
  return replaced;
}

/**
 * Turns the whole-value substitutions that zod rejected for want of a number or a boolean into
 * one (`port: ${SSH_PORT}`), in place. A literal `port: "22"` in the file stays an error: only
 * values that came from the environment are strings by necessity. Returns whether any changed.
 */
export function coerceSubstituted(data: unknown, issues: readonly z.core.$ZodIssue[], whole: readonly FieldPath[]): boolean {
  const wholeKeys = new Set(whole.map((path) => JSON.stringify(path)));
  let changed = false;
  for (const issue of issues) {
    if (issue.code !== 'invalid_type' || !wholeKeys.has(JSON.stringify(issue.path))) continue;
    const parent = issue.path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key], data);
    const key = issue.path[issue.path.length - 1] as PropertyKey;
    const text = (parent as Record<PropertyKey, unknown>)[key];
    const value = typeof text === 'string' ? typedValue(text, issue.expected) : undefined;
    if (value === undefined) continue;
    (parent as Record<PropertyKey, unknown>)[key] = value;
    changed = true;
  }
  return changed;
}

function typedValue(text: string, expected: string): number | boolean | undefined {
  if ((expected === 'number' || expected === 'int') && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  if (expected === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return undefined;
}
