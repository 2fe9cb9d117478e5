// Lab logins are made up per lab run and printed, never fixed in the product: a lab left
// running on a shared machine must not accept a password that is written in a public repository.

import { randomBytes } from 'node:crypto';
import type { DeviceCredentials } from '../device/lab-device.js';

export function generateLabCredentials(): DeviceCredentials {
  return {
    username: 'catnet',
    password: randomSecret(),
    enableSecret: randomSecret(),
    authorizedKeys: [],
  };
}

/** 16 random bytes as base64url: 22 characters IOS accepts in a password or secret. */
function randomSecret(): string {
  return randomBytes(16).toString('base64url');
}
