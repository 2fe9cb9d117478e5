// Reads a YAML file and checks it against a zod schema. Every problem is reported at once,
// each naming the file, the line and the field path (`lab.yaml:7: devices[1].port: …`), because
// people fix config files in one pass, not one error per run. The steps are exported one by one
// for loaders that do more between reading and checking (the inventory substitutes variables).

import { readFile } from 'node:fs/promises';
import yaml from 'js-yaml';
import type { z } from 'zod';
import { ConfigFileError, readFailureReason, type ConfigProblem } from './config-file-error.js';
import { locateField, type FieldPath } from './yaml-locate.js';
import { readableIssueMessage } from './zod-messages.js';

export { ConfigFileError, type ConfigProblem } from './config-file-error.js';

export async function loadYamlFile<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>> {
  return parseYamlText(await readConfigText(file), file, schema);
}

export function parseYamlText<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  const document = readYamlDocument(text, file);
  if (document.problems.length > 0) throw new ConfigFileError(file, document.problems);
  const result = checkSchema(text, document.data ?? {}, schema);
  if (!result.success) throw new ConfigFileError(file, result.problems);
  return result.data;
}

/** The file's text, or a ConfigFileError saying why it cannot be read. */
export async function readConfigText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigFileError(file, [{ line: undefined, field: '', message: `cannot read: ${readFailureReason(error)}` }]);
  }
}

/** The parsed document, or the syntax error as a problem with its line. */
export function readYamlDocument(text: string, file: string): { data: unknown; problems: ConfigProblem[] } {
  try {
    return { data: yaml.load(text, { filename: file, schema: yaml.CORE_SCHEMA }), problems: [] };
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    return { data: undefined, problems: [{ line: mark ? mark.line + 1 : undefined, field: '', message: `invalid YAML: ${reason}` }] };
  }
}

export type SchemaCheck<T> = { success: true; data: T } | { success: false; issues: z.core.$ZodIssue[]; problems: ConfigProblem[] };

/** Checks parsed data against `schema`, with readable messages located in `text`. */
export function checkSchema<S extends z.ZodType>(text: string, data: unknown, schema: S): SchemaCheck<z.output<S>> {
  const result = schema.safeParse(data, { error: readableIssueMessage });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: result.error.issues, problems: schemaProblems(text, result.error.issues) };
}

/** One problem per issue, and per unknown key, at the line of the key itself (where the typo is). */
export function schemaProblems(text: string, issues: readonly z.core.$ZodIssue[]): ConfigProblem[] {
  return issues.flatMap((issue) => {
    const path = issuePath(issue);
    if (issue.code !== 'unrecognized_keys') return [problemAt(text, path, issue.message)];
    return issue.keys.map((key) => problemAt(text, [...path, key], 'unknown field'));
  });
}

export function issuePath(issue: z.core.$ZodIssue): (string | number)[] {
  return issue.path.filter((p): p is string | number => typeof p !== 'symbol');
}

/** A problem about the field at `path`, with the line found in `text`. */
export function problemAt(text: string, path: FieldPath, message: string): ConfigProblem {
  return { line: locateField(text, path), field: formatPath(path), message };
}

/** `devices[1].port`: the way people write a field's path. */
export function formatPath(path: FieldPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
