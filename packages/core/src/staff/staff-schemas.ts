import { schema } from '@linju/db';
import { z } from 'zod';
import { ZPhone } from '../personal-data/personal-data.ts';
import { ZName, ZUsername } from '../tenants/tenant-schemas.ts';

export const ZRoleGrantRequest = z.object({ role: z.enum(schema.ROLES), organisationId: z.uuid() });

export const ZCreateStaffMemberRequest = z.object({
  username: ZUsername,
  displayName: ZName,
  organisationId: z.uuid(),
  phone: ZPhone.nullish(),
  /** The first password; the person must change it at first sign-in. */
  password: z.string().min(1, { message: 'validation.required' }).max(200),
  roles: z.array(ZRoleGrantRequest).min(1, { message: 'staff.role_required' }),
  /** False only for accounts whose first password the person chose themselves (demo accounts). */
  mustChangePassword: z.boolean().default(true),
});
export type CreateStaffMemberRequest = z.input<typeof ZCreateStaffMemberRequest>;

/** Changes to a person's details (`staff.update`): only what is given changes; `phone: null` removes it. */
export const ZUpdateStaffMemberRequest = z.object({
  id: z.uuid(),
  data: z.object({
    displayName: ZName.optional(),
    /** A move to another home unit; role grants stay as they are (granted and revoked apart). */
    organisationId: z.uuid().optional(),
    phone: ZPhone.nullish(),
  }),
});
export type UpdateStaffMemberRequest = z.input<typeof ZUpdateStaffMemberRequest>;
