// Random realistic edits of a device model: what people change in intended configs. The result
// is always a config a real device would accept (references stay valid, addresses never
// overlap, removed objects take their references with them).

import { usedBlocks } from './lab-net.js';
import type { DeviceModel } from './model-types.js';
import { aclEdits } from './mutate-acls.js';
import type { Edit, MutContext } from './mutate-context.js';
import { globalEdits } from './mutate-global.js';
import { interfaceEdits } from './mutate-interfaces.js';
import { policyEdits } from './mutate-policy.js';
import { routingEdits } from './mutate-routing.js';
import type { Random } from './random.js';

export interface MutationResult {
  model: DeviceModel;
  /** One description per edit, in the order applied. */
  edits: string[];
}

/** Every kind of edit, by name (interfaces weigh most, as in real changes). */
export const EDIT_KINDS: Readonly<Record<string, Edit>> = {
  ...interfaceEdits,
  ...aclEdits,
  ...policyEdits,
  ...routingEdits,
  ...globalEdits,
};

const KIND_NAMES = Object.keys(EDIT_KINDS);

export interface MutateOptions {
  /** Only these kinds of edit (names of EDIT_KINDS). */
  kinds?: readonly string[];
}

/**
 * A deep copy of `model` with `count` random edits (the input is not touched). The copy always
 * differs from the input when count > 0.
 */
export function mutateModel(model: DeviceModel, rng: Random, count: number, opts: MutateOptions = {}): MutationResult {
  const original = count > 0 ? JSON.stringify(model) : '';
  for (let tries = 0; ; tries++) {
    const result = applyEdits(model, rng, count, opts);
    // Two edits may cancel out (a VLAN changed and changed back): then draw again.
    if (count === 0 || tries >= 10 || JSON.stringify(result.model) !== original) return result;
  }
}

function applyEdits(model: DeviceModel, rng: Random, count: number, opts: MutateOptions): MutationResult {
  const copy = structuredClone(model);
  const m: MutContext = { rng, model: copy, used: usedBlocks(copy), touched: new Set() };
  const kinds = opts.kinds ?? KIND_NAMES;
  const edits: string[] = [];
  for (let attempts = 0; edits.length < count && attempts < count * 100 + 100; attempts++) {
    const edit = EDIT_KINDS[rng.pick(kinds)];
    const done = edit?.(m);
    if (done !== undefined) edits.push(done);
  }
  if (edits.length < count) throw new Error(`mutateModel: only ${edits.length} of ${count} edits applied`);
  return { model: copy, edits };
}
