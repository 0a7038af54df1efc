import { createSecretBox, loadDataKeyRing } from '@linju/auth';
import { residentCodeSentTo } from '@linju/core/testing';
import { connect, eq, schema } from '@linju/db';
import { runningEmbeddedPostgres } from '@linju/db/embedded';

/**
 * The verification code the demo stack last sent to `phone` in a district, read as its SMS
 * provider would get it: from the outbox in the stack's own database, opened with the stack's data
 * key (the `log` provider writes no text anywhere: a code is a secret). Test-only.
 */
export async function smsCodeFromDemoStack(dataDir: string, slug: string, phone: string): Promise<string> {
  const database = runningEmbeddedPostgres(dataDir);
  if (!database) throw new Error('the demo stack holds no PostgreSQL');
  const owner = connect(database.ownerUrl);
  try {
    const [district] = await owner.db
      .select({ id: schema.tenant.id })
      .from(schema.tenant)
      .where(eq(schema.tenant.slug, slug));
    if (!district) throw new Error(`no district ${slug}`);
    const box = createSecretBox(loadDataKeyRing(dataDir, {}));
    const code = await residentCodeSentTo(owner.db, box, district.id, phone);
    if (!code) throw new Error(`no code was sent to the phone in ${slug}`);
    return code;
  } finally {
    await owner.close();
  }
}
