// The service's own metrics, in the same registry as the pipeline's: HTTP requests, drift, and
// scheduled jobs. Route labels are the route pattern (`/api/v1/devices/:name`), never the
// concrete path, so a scan of random URLs cannot grow the series without bound.

import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { sanitiseLabel } from './metrics.js';

export interface ServiceMetrics {
  observeRequest(labels: { method: string; route: string; status: number }, seconds: number): void;
  /** Commands a device needs to match its intent; the device's series goes when it leaves the inventory. */
  setDrift(device: string, commands: number): void;
  removeDrift(device: string): void;
  setDriftDevices(count: number): void;
  scheduleRun(schedule: string, result: 'ok' | 'failed'): void;
}

export function createServiceMetrics(registry: Registry): ServiceMetrics {
  const requests = new Counter({ name: 'catnet_http_requests_total', help: 'HTTP requests served, by method, route and status.', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const duration = new Histogram({
    name: 'catnet_http_request_duration_seconds',
    help: 'HTTP request duration, by method and route.',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const drift = new Gauge({ name: 'catnet_device_drift', help: 'Commands needed to bring the device back to its intended config (0: in sync).', labelNames: ['device'], registers: [registry] });
  const driftDevices = new Gauge({ name: 'catnet_drift_devices', help: 'Devices whose running config differs from their intended config.', registers: [registry] });
  const schedules = new Counter({ name: 'catnet_schedule_runs_total', help: 'Scheduled job runs, by schedule and result.', labelNames: ['schedule', 'result'], registers: [registry] });
  return {
    observeRequest: ({ method, route, status }, seconds) => {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
    },
    setDrift: (device, commands) => drift.set({ device: sanitiseLabel(device) }, commands),
    removeDrift: (device) => drift.remove({ device: sanitiseLabel(device) }),
    setDriftDevices: (count) => driftDevices.set(count),
    scheduleRun: (schedule, result) => schedules.inc({ schedule: sanitiseLabel(schedule), result }),
  };
}
