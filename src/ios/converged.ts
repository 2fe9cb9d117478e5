// Convergence: a device matches intent when nothing would be sent to it.

import type { Platform } from './platform.js';
import { ciscoIos } from './platforms/cisco-ios.js';
import { remediate } from './remediate.js';
import type { ConfigTree } from './types.js';

/**
 * True when `actual` (a normalised device config) needs no command to become `intended`.
 * Equivalence is by IOS semantics, not text: order of order-insensitive sections does not
 * count, and an unconfigured physical interface equals an absent one.
 */
export function converged(actual: ConfigTree, intended: ConfigTree, platform: Platform = ciscoIos): boolean {
  return remediate(actual, intended, platform).length === 0;
}
