import { type ApiContext, type AppCaller, createCaller } from '@linju/api';
import { TEST_PASSWORD } from '@linju/core/testing';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';

/**
 * A test district's bureau administrator, signed in through the API as the admin app signs in:
 * password, then the second factor, which replaces the session (the caller continues with the new one).
 */
export async function districtAdminCaller(
  context: (over?: Partial<ApiContext>) => ApiContext,
  district: { slug: string; totpSecret: string },
): Promise<AppCaller> {
  const { sessionToken, next } = await createCaller(context()).auth.login({
    tenantSlug: district.slug,
    username: 'admin',
    password: TEST_PASSWORD,
  });
  const admin = createCaller(context({ sessionToken }));
  if (next !== 'totp') return admin;
  const verified = await admin.auth.verifyTotp({
    code: generateTOTP(decodeBase32IgnorePadding(district.totpSecret), 30, 6),
  });
  return createCaller(context({ sessionToken: verified.sessionToken }));
}
