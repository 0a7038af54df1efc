import type { SecretBox } from '@linju/auth';
import { and, asc, eq, isNull, ne, or, type Queryable, schema, sealedColumns } from '@linju/db';
import { residentSearchTokens } from '../personal-data/search-terms.ts';

const r = schema.resident;

/**
 * Makes the search tokens of up to `limit` of the tenant's residents whose tokens are missing (a
 * resident from before search by part) or made under another key, from the name and the opened
 * phone, in the caller's transaction. Rows are locked as read, like re-sealing; the filter is the
 * progress, so a re-run picks up exactly what is left.
 */
export async function remakeSearchTokens(
  tx: Queryable,
  box: SecretBox,
  tenantId: string,
  limit: number,
): Promise<number> {
  const { key } = box.searchTokens([], tenantId);
  const rows = await tx
    .select({ id: r.id, name: r.name, phone: r.phoneEncrypted })
    .from(r)
    .where(and(eq(r.tenantId, tenantId), or(isNull(r.searchTokensKey), ne(r.searchTokensKey, key))))
    .orderBy(asc(r.id))
    .limit(limit)
    .for('update');
  for (const row of rows) {
    const phone = row.phone ? box.decrypt(row.phone, tenantId, sealedColumns.residentPhone) : null;
    await tx
      .update(r)
      .set(residentSearchTokens(box, tenantId, { name: row.name, phone }))
      .where(and(eq(r.tenantId, tenantId), eq(r.id, row.id)));
  }
  return rows.length;
}
