import type { SecretBox } from '@linju/auth';
import { type Database, schema, sql } from '@linju/db';
import { DomainError } from '../errors.ts';
import { createPlatformOperator } from './platform-operator.ts';

/**
 * `linju init`: the deployment's first platform operator, once. The table is locked for the check
 * and the insert (one transaction, as the owner), so two set-ups run at once cannot both succeed,
 * and a set-up run again later cannot add an operator behind the existing ones' backs.
 */
export function initialisePlatform(
  db: Database,
  box: SecretBox,
  input: Parameters<typeof createPlatformOperator>[2],
) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${schema.platformOperator} in exclusive mode`);
    const [existing] = await tx
      .select({ id: schema.platformOperator.id })
      .from(schema.platformOperator)
      .limit(1);
    if (existing) throw new DomainError('conflict', 'platform.already_initialised');
    return createPlatformOperator(tx, box, input);
  });
}
