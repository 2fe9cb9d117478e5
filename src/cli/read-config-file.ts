// Reads a config file given on the command line, with errors that say what is wrong with it.

import { readFile, stat } from 'node:fs/promises';
import { readFailureReason } from '../config/config-file-error.js';
import { InputError } from './exit-codes.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function readConfigFile(path: string, role: string): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(`${path}: is a directory, expected a ${role} config file`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot read the ${role} config: ${readFailureReason(error)}`);
  }
  if (bytes.includes(0)) throw new InputError(`${path}: binary file (NUL bytes), not an IOS configuration`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError(`${path}: not valid UTF-8 text, not an IOS configuration`);
  }
  if (text.trim() === '') throw new InputError(`${path}: the ${role} config is empty`);
  return text;
}
