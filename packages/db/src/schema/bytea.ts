import { customType } from 'drizzle-orm/pg-core';

/** Binary column (postgres.js hands a Buffer both ways). */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
