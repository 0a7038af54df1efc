import type { SecretBox } from '@linju/auth';
import { and, eq, gt, inArray, schema, sql, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { systemActor } from '../actor.ts';
import { servicesAt } from '../catalogue/catalogue-service.ts';
import type { PluginForms } from '../catalogue/x-service.ts';
import { ZDocumentUpload } from '../documents/checked-document.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation, isPartnerKind } from '../organisations/organisation-service.ts';
import { ZPhone } from '../personal-data/personal-data.ts';
import { attachDocument } from './case-documents.ts';
import { ZIntakeRequest } from './case-schemas.ts';
import { intakeCase } from './case-service.ts';
import { OPEN_STATUSES } from './case-status.ts';
import { ZResidentDetails } from './resident-service.ts';

/** Who takes a matter in from the public site: the platform, audited under this name. */
export const ONLINE_INTAKE_ACTOR = 'online intake';

/** How long the same request from the same phone is taken for a repeat rather than a new matter. */
const REPEAT_WINDOW = sql`interval '24 hours'`;

export const ZOnlineIntakeRequest = z.object({
  /** The resident's phone, verified by an SMS code: it identifies them and gets the receipt. */
  phone: ZPhone,
  name: ZResidentDetails.shape.name,
  address: ZResidentDetails.shape.address,
  keyGroups: ZResidentDetails.shape.keyGroups,
  serviceType: ZIntakeRequest.shape.serviceType,
  category: ZIntakeRequest.shape.category,
  description: ZIntakeRequest.shape.description,
  /** Where the resident lives or came from: the matter goes to the nearest unit above that offers the service. */
  organisationId: z.uuid(),
  parties: ZIntakeRequest.shape.parties,
  form: ZIntakeRequest.shape.form,
  documents: z
    .array(ZDocumentUpload.omit({ content: true }))
    .max(5)
    .default([]),
});
export type OnlineIntakeRequest = z.input<typeof ZOnlineIntakeRequest>;

/** Same words, whatever the spacing, width, case or punctuation: what a resident sends twice. */
export const normalisedText = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

/**
 * The unit whose queue an online matter joins: the place the resident chose if it offers the
 * service, else the nearest unit above it that does (up to the centre); refused naming
 * `organisationId` when none does.
 */
export async function unitOffering(tx: TenantTx, organisationId: string, serviceType: string) {
  const chosen = await getOrganisation(tx, organisationId);
  if (isPartnerKind(chosen.kind))
    throw new DomainError('bad-request', 'case.organisation_not_service_unit', { field: 'organisationId' });
  const chain = chosen.path.split('/').filter(Boolean).reverse();
  for (const id of chain) {
    const unit = id === chosen.id ? chosen : await getOrganisation(tx, id);
    if (unit.closedAt) continue;
    if (serviceType === schema.UNDECIDED_SERVICE) return unit;
    const [state] = await servicesAt(tx, unit, [serviceType]);
    if (state?.enabled) return unit;
  }
  throw new DomainError('bad-request', 'case.service_not_enabled', { field: 'organisationId' });
}

/**
 * An open matter the same phone sent online for the same service with the same words in the last
 * 24 hours. The lock on the phone's token makes two racing sends one.
 */
async function earlierOnlineCase(
  tx: TenantTx,
  box: SecretBox,
  tenantId: string,
  input: z.output<typeof ZOnlineIntakeRequest>,
) {
  const lock = `online-intake:${box.blindIndex(input.phone, tenantId)}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${lock}, 0))`);
  const tokens = box.blindIndexes(input.phone, tenantId);
  const recent = await tx
    .select({ id: schema.legalCase.id, number: schema.legalCase.number, text: schema.legalCase.description })
    .from(schema.legalCase)
    .innerJoin(schema.resident, eq(schema.resident.id, schema.legalCase.residentId))
    .where(
      and(
        inArray(schema.resident.phoneIndex, tokens),
        eq(schema.legalCase.channel, 'online'),
        eq(schema.legalCase.serviceType, input.serviceType),
        inArray(schema.legalCase.status, [...OPEN_STATUSES]),
        gt(schema.legalCase.receivedAt, sql`now() - ${REPEAT_WINDOW}`),
      ),
    );
  const text = normalisedText(input.description);
  return recent.find((c) => normalisedText(c.text) === text) ?? null;
}

/**
 * Takes in a matter a resident sent from the public site (channel `online`), with the staff
 * intake's own rules — the service's form and categories, its time limit, the receipt by SMS —
 * in the caller's transaction: the case, its documents, the outbox and the audit commit together
 * or not at all. A repeat of an open request answers the earlier case (`repeated`).
 */
export async function openOnlineCase(
  tx: TenantTx,
  platform: { tenantId: string; box: SecretBox; files: DocumentStore; forms: PluginForms },
  request: OnlineIntakeRequest,
) {
  const input = ZOnlineIntakeRequest.parse(request);
  const actor = systemActor(platform.tenantId, ONLINE_INTAKE_ACTOR);
  const unit = await unitOffering(tx, input.organisationId, input.serviceType);
  const earlier = await earlierOnlineCase(tx, platform.box, platform.tenantId, input);
  if (earlier) return { caseId: earlier.id, number: earlier.number, repeated: true };
  const created = await intakeCase(
    tx,
    actor,
    platform.box,
    {
      channel: 'online',
      resident: { name: input.name, phone: input.phone, address: input.address, keyGroups: input.keyGroups },
      serviceType: input.serviceType,
      category: input.category,
      description: input.description,
      organisationId: unit.id,
      parties: input.parties,
      ...(input.form ? { form: input.form } : {}),
    },
    platform.forms,
  );
  for (const document of input.documents) {
    await attachDocument(tx, actor, platform.files, { caseId: created.id, ...document });
  }
  return { caseId: created.id, number: created.number, repeated: false };
}
