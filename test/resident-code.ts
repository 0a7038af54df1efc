import { connect, eq, schema } from '@linju/db';
import { runningEmbeddedPostgres } from '@linju/db/embedded';
// By path, as a plugin's test reaches the API's harness: the test package depends on neither.
import { createSecretBox, loadDataKeyRing } from '../packages/auth/src/index.ts';
import { residentCodeSentTo } from '../packages/core/src/testing/sms-sent-to.ts';

/**
 * The verification code the demo stack last texted to `phone` in district `slug`, read from its
 * outbox with its own data key, as the resident reads it from the SMS.
 */
export async function stackResidentCode(dataDir: string, slug: string, phone: string): Promise<string> {
  const database = runningEmbeddedPostgres(dataDir);
  if (!database) throw new Error('the demo stack holds no PostgreSQL');
  const { db, close } = connect(database.ownerUrl);
  try {
    const [tenant] = await db.select().from(schema.tenant).where(eq(schema.tenant.slug, slug));
    const box = createSecretBox(loadDataKeyRing(dataDir, {}));
    const code = tenant ? await residentCodeSentTo(db, box, tenant.id, phone) : undefined;
    if (!code) throw new Error(`no code was texted to the phone in ${slug}`);
    return code;
  } finally {
    await close();
  }
}
