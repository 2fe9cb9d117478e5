// A one-device lab for the health-check tests: two up routed ports and one shut down.

import { startDeviceLab, type DeviceLab } from '../../device/device-lab.js';

export const DEVICE = 'r1';

export function healthConfig(hostname: string): string {
  return [
    `hostname ${hostname}`,
    '!',
    'interface GigabitEthernet0/1',
    ' description uplink',
    ' ip address 10.0.0.1 255.255.255.0',
    '!',
    'interface GigabitEthernet0/2',
    ' shutdown',
    '!',
    'interface GigabitEthernet0/3',
    ' ip address 10.0.3.1 255.255.255.0',
    '!',
    'line vty 0 4',
    ' transport input ssh telnet',
    '!',
    'end',
  ].join('\n');
}

export function startHealthLab(): Promise<DeviceLab> {
  return startDeviceLab([{ name: DEVICE, config: healthConfig(DEVICE) }]);
}
