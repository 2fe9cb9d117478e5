// The plan as a file (`catnet plan --out plan.json`, `catnet deploy --plan plan.json`): what
// each device will be sent and what it was computed against, so that a deploy can refuse a
// device whose running config or intended config changed since. Commands are kept as typed,
// secrets included (they must reach the device), so the file is written 0600 and every
// display of it is redacted.

import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-file.js';
import { ConfigFileError, parseYamlText, readConfigText } from '../config/yaml-file.js';

const planCommand = z.object({ path: z.array(z.string()), text: z.string(), kind: z.enum(['add', 'remove', 'replace']), reason: z.string(), body: z.string().optional() });
const riskItem = z.object({ level: z.enum(['low', 'medium', 'high']), category: z.enum(['management', 'routing', 'interface_state', 'security', 'disruptive', 'general']), command: z.string(), path: z.array(z.string()), reason: z.string() });

export const devicePlanSchema = z.object({
  device: z.string(),
  /** `error`: the device could not be planned (unreachable, bad intended config…). */
  status: z.enum(['planned', 'error']),
  error: z.string().optional(),
  /** Where a bad intended config is at fault (source location as the source names it, 1-based line): for annotations. */
  errorAt: z.object({ location: z.string(), line: z.number().int().positive().optional() }).optional(),
  /** sha256 of the normalised running config the plan was computed against. */
  runningSha256: z.string().optional(),
  /** sha256 of the normalised intended config. */
  intendedSha256: z.string().optional(),
  intended: z.object({ kind: z.enum(['file', 'template']), path: z.string(), location: z.string() }).optional(),
  /** The backup taken when planning. */
  backupId: z.string().optional(),
  changes: z.boolean(),
  commands: z.array(planCommand),
  /** The commands as typed on the device, sections entered and left. */
  lines: z.array(z.string()),
  diff: z.string(),
  risk: z.object({ level: z.enum(['none', 'low', 'medium', 'high']), items: z.array(riskItem) }),
  stats: z.object({ add: z.number(), remove: z.number(), replace: z.number() }),
});

export const planFileSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  actor: z.string(),
  /** Where the intended configs came from (`configs/`, `github:owner/repo@ref:path`). */
  source: z.string(),
  /** The Git commit of a GitHub source. */
  commit: z.string().optional(),
  devices: z.array(devicePlanSchema),
});

export type DevicePlan = z.output<typeof devicePlanSchema>;
export type PlanFile = z.output<typeof planFileSchema>;

export async function writePlanFile(file: string, plan: PlanFile): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(plan, null, 2)}\n`);
}

/** A plan file, checked: a hand-edited or truncated file is refused with the field that is wrong. */
export async function readPlanFile(file: string): Promise<PlanFile> {
  // JSON is YAML, but the YAML reader locates fields in block style only: a problem it cannot
  // place is located in the JSON text.
  const text = await readConfigText(file);
  try {
    return parseYamlText(text, file, planFileSchema);
  } catch (error) {
    if (!(error instanceof ConfigFileError) || error.problems.every((p) => p.line !== undefined || p.field === '')) throw error;
    throw new ConfigFileError(file, error.problems.map((p) => (p.line !== undefined || p.field === '' ? p : { ...p, line: jsonFieldLine(text, fieldPath(p.field)) })));
  }
}

/** `devices[0].risk.level` → `['devices', 0, 'risk', 'level']` (the plan's keys have no dots or brackets). */
function fieldPath(field: string): (string | number)[] {
  return field.split(/\.|(?=\[)/).map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part));
}

/** 1-based line of the deepest part of `path` found in JSON `text` (a key's line, an array item's first line). */
function jsonFieldLine(text: string, path: readonly (string | number)[]): number | undefined {
  let i = 0;
  let line = 1;
  let found: number | undefined;
  const skipSpace = (): void => {
    for (; i < text.length && /\s/.test(text[i] as string); i++) if (text[i] === '\n') line++;
  };
  const readString = (): string => {
    let out = '';
    for (i++; i < text.length && text[i] !== '"'; i++) out += text[i] === '\\' ? text[++i] : text[i];
    i++;
    return out;
  };
  const value = (depth: number, onPath: boolean): void => {
    skipSpace();
    const open = text[i];
    if (open !== '{' && open !== '[') {
      if (open === '"') readString();
      else while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++;
      return;
    }
    i++;
    for (let index = 0; ; index++) {
      skipSpace();
      if (i >= text.length) return;
      if (text[i] === '}' || text[i] === ']') return void i++;
      if (text[i] === ',') i++;
      skipSpace();
      let part: string | number = index;
      if (open === '{') {
        const keyLine = line;
        part = readString();
        skipSpace();
        i++; // the colon
        if (onPath && path[depth] === part) found = keyLine;
      } else {
        skipSpace();
        if (onPath && path[depth] === part) found = line;
      }
      value(depth + 1, onPath && path[depth] === part);
    }
  };
  value(0, true);
  return found;
}

/** Devices with something to send. */
export function changedDevices(plan: PlanFile): DevicePlan[] {
  return plan.devices.filter((d) => d.status === 'planned' && d.changes);
}
