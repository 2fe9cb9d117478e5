// Drift detection: a read-only plan of each device against its intent in Git (planning takes a
// backup of the running config; nothing is pushed), recorded per device with the commands that
// would bring it back, exposed as gauges, and logged once when a device starts drifting.
// Scheduled drift runs and `POST /drift/check` both come through here.

import type { Device } from '../../config/inventory/index.js';
import { redact } from '../../obs/redact.js';
import type { PipelineContext } from '../../pipeline/context.js';
import { planDevices } from '../../pipeline/plan.js';
import type { DriftRecord, DriftStatus } from '../../store/drift.js';
import type { Service } from '../service.js';

export async function runDriftCheck(service: Service, ctx: PipelineContext, devices: Device[]): Promise<DriftRecord[]> {
  const { drift } = service.store;
  const plan = await planDevices(ctx, devices);
  const records: DriftRecord[] = [];
  for (const entry of plan.devices) {
    const device = entry.device;
    const status: DriftStatus = entry.status === 'error' ? 'error' : entry.changes ? 'drifted' : 'in_sync';
    const wasDrifted = (drift.get(device)?.since ?? null) !== null;
    // The lines are stored and served by the API: redacted once, here, before either.
    const { newlyDrifted, ...record } = drift.record(device, {
      status,
      lines: status === 'drifted' ? entry.lines.map((line) => redact(line)) : [],
      ...(entry.error !== undefined ? { error: redact(entry.error) } : {}),
    });
    records.push(record);
    service.serviceMetrics.setDrift(device, record.commands);
    if (newlyDrifted) ctx.logger.warn('drift', `${device} drifted from its intended config: ${record.commands} command${record.commands === 1 ? '' : 's'} needed to bring it back`, { device, details: { commands: record.commands } });
    else if (status === 'in_sync' && wasDrifted) ctx.logger.info('drift', `${device} is back in sync with its intended config`, { device });
    else if (status === 'error') ctx.logger.warn('drift', `${device} could not be checked for drift: ${record.error ?? 'unknown error'}`, { device });
  }
  forgetRemovedDevices(service);
  service.serviceMetrics.setDriftDevices(countDrifted(drift.list()));
  return records;
}

/**
 * Devices whose last known state is drifted. A failed check says nothing new about the config,
 * so a device that drifted and is now unreachable still counts (its `since` is kept).
 */
export function countDrifted(records: readonly DriftRecord[]): number {
  return records.filter((r) => r.since !== null).length;
}

/** A device that left the inventory keeps neither its drift row nor its gauge series. */
export function forgetRemovedDevices(service: Service): void {
  const names = new Set(service.inventory().devices.map((d) => d.name));
  for (const record of service.store.drift.list()) {
    if (names.has(record.device)) continue;
    service.store.drift.remove(record.device);
    service.serviceMetrics.removeDrift(record.device);
  }
}

/** At start: the gauges from the stored drift table, so a restart does not read as "no drift". */
export function seedDriftMetrics(service: Service): void {
  forgetRemovedDevices(service);
  const records = service.store.drift.list();
  for (const record of records) service.serviceMetrics.setDrift(record.device, record.commands);
  service.serviceMetrics.setDriftDevices(countDrifted(records));
}
