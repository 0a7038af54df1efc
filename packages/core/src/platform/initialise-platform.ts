import { randomBytes } from 'node:crypto';
import type { SecretBox } from '@linju/auth';
import { type Database, schema, sql } from '@linju/db';
import { DomainError } from '../errors.ts';
import { createOperatorSetupLink } from './operator-setup-link.ts';
import { createPlatformOperator } from './platform-operator.ts';

/**
 * `linju init`: the deployment's first platform operator, once. The table is locked for the check
 * and the insert (one transaction, as the owner), so two set-ups run at once cannot both succeed,
 * and a set-up run again later cannot add an operator behind the existing ones' backs. Without a
 * password (`--setup-link`) the operator gets a one-time link instead, where they choose one.
 */
export function initialisePlatform(
  db: Database,
  box: SecretBox,
  input: { username: string; displayName: string; password?: string | undefined },
) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${schema.platformOperator} in exclusive mode`);
    const [existing] = await tx
      .select({ id: schema.platformOperator.id })
      .from(schema.platformOperator)
      .limit(1);
    if (existing) throw new DomainError('conflict', 'platform.already_initialised');
    if (input.password !== undefined) {
      const { totpSecret } = await createPlatformOperator(tx, box, { ...input, password: input.password });
      return { totpSecret, setupLink: null };
    }
    // A password nobody is told (all four character classes, 192 random bits): until the link's
    // page sets the real one, no password signs this operator in.
    const unknown = `${randomBytes(24).toString('base64url')}aA1!`;
    const { id } = await createPlatformOperator(tx, box, { ...input, password: unknown });
    return { totpSecret: null, setupLink: await createOperatorSetupLink(tx, id) };
  });
}
