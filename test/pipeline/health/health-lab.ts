// A one-device lab for the health-check tests: two up routed ports and one shut down.

import { afterAll, beforeAll } from 'vitest';
import { connectIos, type IosDriver } from '../../../src/device/ios-driver.js';
import { smallConfig, startDeviceLab, type DeviceLab } from '../../device/device-lab.js';

export const DEVICE = 'r1';

export function healthConfig(hostname: string): string {
  return smallConfig(hostname, ['interface GigabitEthernet0/3', ' ip address 10.0.3.1 255.255.255.0', '!']);
}

export function startHealthLab(): Promise<DeviceLab> {
  return startDeviceLab([{ name: DEVICE, config: healthConfig(DEVICE) }]);
}

/** The lab and one logged-in session for a test file, opened before its tests and closed after. */
export function useHealthSession(): { readonly env: DeviceLab; readonly driver: IosDriver } {
  const state: { env?: DeviceLab; driver?: IosDriver } = {};
  beforeAll(async () => {
    state.env = await startHealthLab();
    state.driver = await connectIos(state.env.options(DEVICE));
  });
  afterAll(async () => {
    state.driver?.close();
    await state.env?.lab.stop();
  });
  return {
    get env() {
      return state.env as DeviceLab;
    },
    get driver() {
      return state.driver as IosDriver;
    },
  };
}
