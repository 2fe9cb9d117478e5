// Every route of the service, in the order the OpenAPI document lists them.

import type { AnyRoute } from '../http/api.js';
import type { Service } from '../service.js';
import { authRoutes } from './auth.js';
import { backupsRoutes } from './backups.js';
import { deploymentsRoutes } from './deployments.js';
import { devicesRoutes } from './devices.js';
import { driftRoutes } from './drift.js';
import { gitopsRoutes } from './gitops.js';
import { logsRoutes } from './logs.js';
import { plansRoutes } from './plans.js';
import { schedulesRoutes } from './schedules.js';
import { usersRoutes } from './users.js';

export { operationsRoutes } from './operations.js';

export const API_BASE = '/api/v1';

export function apiRoutes(service: Service): AnyRoute[] {
  return [
    ...authRoutes(service),
    ...usersRoutes(service),
    ...devicesRoutes(service),
    ...gitopsRoutes(service),
    ...plansRoutes(service),
    ...deploymentsRoutes(service),
    ...backupsRoutes(service),
    ...logsRoutes(service),
    ...driftRoutes(service),
    ...schedulesRoutes(service),
  ];
}
