// Shared state and helpers of the random editor (mutate-model.ts and the mutate-* edit sets).

import { freeBlock } from './lab-net.js';
import type { DeviceModel, Interface } from './model-types.js';
import type { Random } from './random.js';

export interface MutContext {
  rng: Random;
  /** The copy being edited. */
  model: DeviceModel;
  /** /24 blocks (`a.b.c`) in use: new addresses never overlap existing ones. */
  used: Set<string>;
  /** Things already toggled in this run, so that two edits never cancel out. */
  touched: Set<string>;
}

/** One kind of edit: applies itself and describes what it did, or returns undefined if it cannot apply. */
export type Edit = (m: MutContext) => string | undefined;

export function pickOr<T>(m: MutContext, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : m.rng.pick(items);
}

/** A fresh /24 block `a.b.c` that nothing in the config overlaps. */
export function block(m: MutContext): string {
  return freeBlock(m.rng, m.used);
}

/** Draws until `make` returns something other than `current` (gives up after a few tries). */
export function different<T>(current: T, make: () => T): T | undefined {
  for (let i = 0; i < 20; i++) {
    const value = make();
    if (JSON.stringify(value) !== JSON.stringify(current)) return value;
  }
  return undefined;
}

/** Marks `key` touched; false if it already was (the edit should not apply twice). */
export function touch(m: MutContext, key: string): boolean {
  if (m.touched.has(key)) return false;
  m.touched.add(key);
  return true;
}

export function interfaceNamed(m: MutContext, name: string): Interface | undefined {
  return m.model.interfaces.find((i) => i.name === name);
}

/** Removes the elements matching `pred` in place; returns how many went. */
export function removeWhere<T>(items: T[], pred: (item: T) => boolean): number {
  let kept = 0;
  const before = items.length;
  for (const item of items) if (!pred(item)) items[kept++] = item;
  items.length = kept;
  return before - kept;
}
