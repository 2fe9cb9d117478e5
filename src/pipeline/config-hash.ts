// The identity of a config: the hash of its normalised form, so that noise (volatile lines,
// spacing, abbreviations, interface name spellings) does not make two equal configs differ.
// Plans record it to detect drift before deploying; backups to skip unchanged configs.

import { createHash } from 'node:crypto';
import { normalizeConfig, parseConfig, serializeConfig } from '../ios/index.js';

/** sha256 (hex) of the normalised config; throws IosConfigError when `text` does not parse. */
export function configHash(text: string): string {
  // inPlace: the parsed tree is ours alone.
  const normalized = serializeConfig(normalizeConfig(parseConfig(text), { inPlace: true }));
  return createHash('sha256').update(normalized).digest('hex');
}
