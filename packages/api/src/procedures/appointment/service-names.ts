import { reportServiceNames } from '@linju/core';
import type { TenantTx } from '@linju/db';
import { installedServices } from '../catalogue/installed.ts';

/** The Chinese names of the district's services, for what an appointment's SMS says it is for. */
export const appointmentServiceNames = (tx: TenantTx) => reportServiceNames(tx, installedServices());
