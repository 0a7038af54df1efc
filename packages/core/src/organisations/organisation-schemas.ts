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

/** Which kind may sit under which: the tree is centre → station → room, service points anywhere in it. */
export const ALLOWED_PARENT_KINDS: Record<
  schema.OrganisationKind,
  readonly schema.OrganisationKind[] | null
> = {
  centre: null,
  station: ['centre'],
  room: ['station'],
  'service-point': ['centre', 'station', 'room'],
  court: null,
  police: null,
  procuratorate: null,
  'labour-arbitration': null,
  federation: null,
  department: null,
  district: null,
};
