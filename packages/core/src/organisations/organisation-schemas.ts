import { schema } from '@linju/db';
import { z } from 'zod';
import { ZName } from '../tenants/tenant-schemas.ts';

const ORGANISATION_KINDS = schema.ORGANISATION_KINDS;

export const ZOrganisationDetails = z.object({
  nameZh: ZName,
  nameEn: ZName,
  address: z.string().trim().max(200, { message: 'validation.too_long' }).nullish(),
  latitude: z.number({ message: 'organisation.coordinates_invalid' }).min(-90).max(90).nullish(),
  longitude: z.number({ message: 'organisation.coordinates_invalid' }).min(-180).max(180).nullish(),
  openingHours: z.string().trim().max(200, { message: 'validation.too_long' }).nullish(),
  phone: z
    .string()
    .regex(/^[0-9+\-() ]{3,30}$/, { message: 'organisation.phone_invalid' })
    .nullish(),
});

export const ZCreateOrganisationRequest = ZOrganisationDetails.extend({
  kind: z.enum(ORGANISATION_KINDS),
  parentId: z.uuid().nullish(),
  remoteAddress: z
    .string()
    .regex(/^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+$/, { message: 'organisation.remote_address_invalid' })
    .nullish(),
});
export type CreateOrganisationRequest = z.input<typeof ZCreateOrganisationRequest>;

export { ALLOWED_PARENT_KINDS } from '@linju/vocabulary';
