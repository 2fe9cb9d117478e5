// zod's default messages are written for API payloads ("Invalid input: expected number, received
// string"); config files are read by people fixing them, so every message here says what the
// field wants in plain words: `expected number, received string`, `required`, `must be at most 65535`.

import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

/** zod error map (pass as `safeParse(data, { error })`); undefined keeps zod's message. */
export function readableIssueMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : `expected ${expectedName(issue.expected)}, received ${kindOf(issue.input)}`;
    case 'invalid_value':
      return `expected ${oneOf(issue.values)}, received ${JSON.stringify(issue.input)}`;
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false);
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false);
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return unionMessage(issue);
    default:
      return undefined;
  }
}

function unionMessage(issue: Extract<RawIssue, { code: 'invalid_union' }>): string {
  if (issue.discriminator !== undefined && issue.options !== undefined) {
    const value = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
    return value === undefined ? 'required' : `expected ${oneOf(issue.options as readonly unknown[])}, received ${JSON.stringify(value)}`;
  }
  // A branch of the right type that failed a finer check tells more than the list of types.
  const branches = issue.errors;
  const typeOnly = (issues: readonly z.core.$ZodIssue[]) => issues.every((i) => i.code === 'invalid_type' && i.path.length === 0);
  const closer = branches.filter((issues) => !typeOnly(issues));
  if (closer.length === 1) return (closer[0] as z.core.$ZodIssue[])[0]?.message ?? 'invalid value';
  const expected = branches.flat().flatMap((i) => (i.code === 'invalid_type' && i.path.length === 0 ? [expectedName(i.expected)] : []));
  return expected.length > 0 ? `expected ${[...new Set(expected)].join(' or ')}, received ${kindOf(issue.input)}` : 'invalid value';
}

function tooSmall(origin: string, minimum: number, inclusive: boolean): string {
  if (origin === 'string') return minimum <= 1 ? 'must not be empty' : `must be at least ${minimum} characters`;
  if (origin === 'array' || origin === 'set') return `must have at least ${minimum} item${minimum === 1 ? '' : 's'}`;
  return inclusive ? `must be at least ${minimum}` : `must be greater than ${minimum}`;
}

function tooBig(origin: string, maximum: number, inclusive: boolean): string {
  if (origin === 'string') return `must be at most ${maximum} characters`;
  if (origin === 'array' || origin === 'set') return `must have at most ${maximum} items`;
  return inclusive ? `must be at most ${maximum}` : `must be less than ${maximum}`;
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length === 1 ? (shown[0] as string) : `one of ${shown.join(', ')}`;
}

function expectedName(expected: string): string {
  return expected === 'int' ? 'integer' : expected === 'record' ? 'mapping' : expected === 'object' ? 'mapping' : expected === 'array' ? 'list' : expected;
}

/** The YAML kind of a value, in the words of `expectedName`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}
