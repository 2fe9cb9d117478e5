// Reads a YAML file and checks it against a zod schema. Every problem is reported at once,
// each naming the file, the line and the field path (`lab.yaml:7: devices[1].port: …`), because
// people fix config files in one pass, not one error per run.

import { readFile } from 'node:fs/promises';
import yaml from 'js-yaml';
import type { z } from 'zod';
import { ConfigFileError, readFailureReason } from './config-file-error.js';
import { locateField, type FieldPath } from './yaml-locate.js';

export { ConfigFileError, type ConfigProblem } from './config-file-error.js';

export async function loadYamlFile<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigFileError(file, [{ line: undefined, field: '', message: `cannot read: ${readFailureReason(error)}` }]);
  }
  return parseYamlText(text, file, schema);
}

export function parseYamlText<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  let data: unknown;
  try {
    data = yaml.load(text, { filename: file, schema: yaml.CORE_SCHEMA });
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    throw new ConfigFileError(file, [{ line: mark ? mark.line + 1 : undefined, field: '', message: `invalid YAML: ${reason}` }]);
  }
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    return { line: locateField(text, path), field: formatPath(path), message: issue.message };
  });
  throw new ConfigFileError(file, problems);
}

/** `devices[1].port`: the way people write a field's path. */
export function formatPath(path: FieldPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
