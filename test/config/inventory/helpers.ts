// Shared by the inventory tests: parse inline YAML, or get the lines of the error it throws.

import { expect } from 'vitest';
import { ConfigFileError } from '../../../src/config/config-file-error.js';
import { parseInventory, type Environment, type Inventory } from '../../../src/config/inventory/index.js';

export const FILE = 'catnet.config.yaml';

export function parse(text: string, env: Environment = {}): Inventory {
  return parseInventory(text, `/net/${FILE}`, env);
}

/** The lines of the ConfigFileError that `text` must cause. */
export function problems(text: string, env: Environment = {}): string[] {
  try {
    parseInventory(text, FILE, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as Error).message.split('\n');
  }
  throw new Error('expected the inventory to be rejected');
}
