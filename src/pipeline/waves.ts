// Splitting a fleet into waves for a staged rollout: labelled waves in natural order, an
// optional canary wave first, and an optional batch size that caps how many devices one wave
// changes. Pure: no I/O, so the plan can be shown before anything is touched.

export interface Wave {
  name: string;
  devices: string[];
}

export interface WaveItem {
  name: string;
  wave?: string;
}

export interface WaveOptions {
  /** How many devices of the first wave go first, alone (0 or absent: no canary). */
  canary?: number;
  /** `"N"` devices or `"P%"` of the whole fleet (rounded up) per batch; null/absent: no batching. */
  batchSize?: string | null;
}

export const UNLABELLED_WAVE = 'unlabelled';
export const ALL_WAVE = 'all';
export const CANARY_WAVE = 'canary';

export function planWaves(items: readonly WaveItem[], options: WaveOptions = {}): Wave[] {
  assertUniqueNames(items);
  const canary = parseCanary(options.canary);
  const batch = parseBatchSize(options.batchSize, items.length);
  const waves = groupByLabel(items);
  const planned: Wave[] = [];
  const first = waves[0];
  if (canary > 0 && first) {
    // The canary is a small, deliberate probe: it is never batched further.
    planned.push({ name: CANARY_WAVE, devices: first.devices.slice(0, canary) });
    first.devices = first.devices.slice(canary);
  }
  for (const wave of waves) {
    if (wave.devices.length === 0) continue;
    planned.push(...(batch === undefined ? [wave] : splitIntoBatches(wave, batch)));
  }
  return planned;
}

function groupByLabel(items: readonly WaveItem[]): Wave[] {
  if (!items.some((item) => item.wave !== undefined)) {
    return items.length === 0 ? [] : [{ name: ALL_WAVE, devices: items.map((item) => item.name) }];
  }
  const labelled = new Map<string, string[]>();
  const unlabelled: string[] = [];
  for (const item of items) {
    if (item.wave === undefined) {
      unlabelled.push(item.name);
      continue;
    }
    const devices = labelled.get(item.wave) ?? [];
    devices.push(item.name);
    labelled.set(item.wave, devices);
  }
  const waves = [...labelled.keys()].sort(compareLabels).map((name) => ({ name, devices: labelled.get(name) ?? [] }));
  if (unlabelled.length > 0) waves.push({ name: UNLABELLED_WAVE, devices: unlabelled });
  return waves;
}

/** Numeric labels by value (1, 2, 10), then the others alphabetically (digits inside compared as numbers). */
export function compareLabels(a: string, b: string): number {
  const numA = /^\d+$/.test(a);
  const numB = /^\d+$/.test(b);
  if (numA && numB) return Number(a) - Number(b) || a.localeCompare(b);
  if (numA !== numB) return numA ? -1 : 1;
  return a.localeCompare(b, 'en', { numeric: true });
}

function splitIntoBatches(wave: Wave, size: number): Wave[] {
  const count = Math.ceil(wave.devices.length / size);
  return Array.from({ length: count }, (_, i) => ({
    name: `${wave.name} batch ${i + 1}/${count}`,
    devices: wave.devices.slice(i * size, (i + 1) * size),
  }));
}

/** Devices per batch, or undefined for no batching. Throws on anything that is not a positive size. */
export function parseBatchSize(value: string | null | undefined, fleetSize: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.trim();
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
  if (percent) {
    const p = Number(percent[1]);
    if (!(p > 0 && p <= 100)) throw new Error(`invalid batch size "${value}": a percentage must be above 0% and at most 100%`);
    return Math.max(1, Math.ceil((p / 100) * fleetSize));
  }
  if (/^\d+$/.test(text) && Number(text) > 0) return Number(text);
  throw new Error(`invalid batch size "${value}": expected a number of devices (e.g. "5") or a percentage of the fleet (e.g. "25%")`);
}

function parseCanary(value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0) throw new Error(`invalid canary count ${value}: expected a whole number of devices, 0 or more`);
  return value;
}

// Results are keyed by device name, so a duplicate would silently lose one device's outcome.
function assertUniqueNames(items: readonly WaveItem[]): void {
  const seen = new Set<string>();
  for (const { name } of items) {
    if (seen.has(name)) throw new Error(`device "${name}" appears more than once in the rollout`);
    seen.add(name);
  }
}
