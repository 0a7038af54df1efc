import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, schema, type TenantTx } from '@linju/db';
import {
  buildForm,
  type FormField,
  formDescriptionSchema,
  type IntakeAlert,
  localizedTextSchema,
} from '@linju/plugin-sdk';
import { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation } from '../organisations/organisation-service.ts';
import { getStaffMember } from '../staff/staff-service.ts';

export type XService = typeof schema.xService.$inferSelect;

export const ZDefineXServiceRequest = z.object({
  organisationId: z.uuid(),
  /**
   * The service id is `x-<name>`: lower-case words joined by hyphens. Optional: by default it is
   * made from the Chinese name (`xServiceNameOf`), so nobody types an identifier.
   */
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,38}$/, { message: 'x_service.name_invalid' })
    .optional(),
  title: localizedTextSchema,
  description: localizedTextSchema,
  form: formDescriptionSchema,
  deadlineWorkingDays: z
    .number()
    .int()
    .min(1, { message: 'validation.out_of_range' })
    .max(120, { message: 'validation.out_of_range' }),
  team: z.array(z.uuid()).max(50).default([]),
});
export type DefineXServiceRequest = z.input<typeof ZDefineXServiceRequest>;

/**
 * The id-part made from an X service's Chinese name: `s` and 10 hex digits of its SHA-256. A hash,
 * not pinyin: no dictionary to ship and keep, no polyphonic characters read two ways, and the same
 * name always gives the same id (so a second service of that name is refused as taken). The id is
 * never shown: the service is named by its names.
 */
export function xServiceNameOf(chineseName: string): string {
  return `s${createHash('sha256').update(chineseName.trim()).digest('hex').slice(0, 10)}`;
}

/**
 * A street office defines its own X service without code: names, an intake form as data, a time
 * limit and a team. It is switched on where it was defined, so its subtree offers it at once.
 */
export async function defineXService(
  tx: TenantTx,
  actor: Actor,
  request: DefineXServiceRequest,
  pluginIds: readonly string[],
) {
  const input = ZDefineXServiceRequest.parse(request);
  const unit = await getOrganisation(tx, input.organisationId);
  if (unit.kind !== 'centre' && unit.kind !== 'station') {
    throw new DomainError('bad-request', 'x_service.unit_invalid', { field: 'organisationId' });
  }
  requirePermission(actor, 'catalogue.manage', unit.path);
  const serviceId = `x-${input.name ?? xServiceNameOf(input.title['zh-CN'])}`;
  const [taken] = await tx
    .select({ id: schema.xService.id })
    .from(schema.xService)
    .where(eq(schema.xService.serviceId, serviceId));
  if (taken || pluginIds.includes(serviceId))
    throw new DomainError('conflict', 'x_service.name_taken', { field: input.name ? 'name' : 'title.zh-CN' });
  for (const staffId of input.team) await getStaffMember(tx, staffId);

  const [created] = await tx
    .insert(schema.xService)
    .values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      serviceId,
      organisationId: unit.id,
      nameZh: input.title['zh-CN'],
      nameEn: input.title.en,
      descriptionZh: input.description['zh-CN'],
      descriptionEn: input.description.en,
      form: input.form,
      deadlineWorkingDays: input.deadlineWorkingDays,
      team: input.team,
    })
    .returning();
  if (!created) throw new Error('x_service insert returned no row');
  await tx
    .insert(schema.serviceEnablement)
    .values({ tenantId: actor.tenantId, organisationId: unit.id, pluginId: serviceId, enabled: true });
  await tx.insert(schema.timeLimit).values({
    tenantId: actor.tenantId,
    serviceType: serviceId,
    category: '*',
    workingDays: input.deadlineWorkingDays,
  });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'x_service.defined',
    objectType: 'x_service',
    objectId: created.id,
    after: created,
  });
  return created;
}

/** The X services offered at a unit: those defined there or above it, not retired. */
export async function xServicesAt(tx: TenantTx, organisationId: string): Promise<XService[]> {
  const unit = await getOrganisation(tx, organisationId);
  const rows = await tx
    .select()
    .from(schema.xService)
    .where(isNull(schema.xService.retiredAt))
    .orderBy(asc(schema.xService.serviceId));
  return rows.filter((x) => unit.path.includes(`/${x.organisationId}/`));
}

/** Retiring keeps the service and its cases; it only stops new intake. */
export async function retireXService(tx: TenantTx, actor: Actor, id: string) {
  const [before] = await tx.select().from(schema.xService).where(eq(schema.xService.id, id));
  if (!before) throw new DomainError('not-found', 'x_service.not_found', { field: 'id' });
  requirePermission(actor, 'catalogue.manage', (await getOrganisation(tx, before.organisationId)).path);
  const [after] = await tx
    .update(schema.xService)
    .set({ retiredAt: new Date() })
    .where(eq(schema.xService.id, id))
    .returning();
  await tx
    .update(schema.serviceEnablement)
    .set({ enabled: false, changedAt: new Date() })
    .where(
      and(
        eq(schema.serviceEnablement.organisationId, before.organisationId),
        eq(schema.serviceEnablement.pluginId, before.serviceId),
      ),
    );
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'x_service.retired',
    objectType: 'x_service',
    objectId: id,
    before,
    after,
  });
  return after as XService;
}

/** What validates the forms and categories of code plugins (the plugin registry satisfies it). */
export type PluginForms = {
  has(pluginId: string): boolean;
  get(pluginId: never): {
    /** A knowledge plugin (`knowledge`) is switched on like a service but takes no cases. */
    readonly kind: string;
    readonly categories: readonly { readonly id: string }[];
    readonly hooks?: { alertOnIntake?(form: never): IntakeAlert | null };
  };
  validateIntake(
    pluginId: never,
    data: unknown,
  ):
    | { ok: true; data: unknown }
    | { ok: false; errors: readonly { field: string; message: string; code: string }[] };
};

/** An i18n key for a form field's problem: missing, too long, or otherwise not acceptable. */
function messageKey(issue: { field: string; code: string }, data: Record<string, unknown>) {
  const value = data[issue.field.split('.')[0] ?? ''];
  if (value === undefined || value === null || value === '' || issue.code === 'too_small')
    return 'validation.required';
  return issue.code === 'too_big' ? 'validation.too_long' : 'validation.invalid';
}

/**
 * Checks an intake form against its service's own schema — a plugin's zod form, or the form a
 * street office described — and answers it cleaned, or a validation error naming each field
 * (`form.<field>`), in the same shape as every other bad input.
 */
export async function checkServiceForm(
  tx: TenantTx,
  plugins: PluginForms | undefined,
  serviceType: string,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (serviceType === schema.UNDECIDED_SERVICE)
    throw new DomainError('bad-request', 'case.form_needs_service', { field: 'serviceType' });
  const [x] = await tx.select().from(schema.xService).where(eq(schema.xService.serviceId, serviceType));
  let errors: { field: string; code: string; message: string }[] = [];
  if (x) {
    const parsed = buildForm(x.form as FormField[]).safeParse(data);
    if (parsed.success) return parsed.data;
    errors = parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message }));
  } else if (plugins?.has(serviceType)) {
    const result = plugins.validateIntake(serviceType as never, data);
    if (result.ok) return result.data as Record<string, unknown>;
    errors = [...result.errors];
  } else {
    throw new DomainError('bad-request', 'case.service_type_invalid', { field: 'serviceType' });
  }
  // Raised through a schema so it is a ZodError like any other bad input (and mapped the same way).
  z.unknown()
    .superRefine((_, ctx) => {
      for (const e of errors) {
        ctx.addIssue({
          code: 'custom',
          path: ['form', ...e.field.split('.').filter(Boolean)],
          message: messageKey(e, data),
        });
      }
    })
    .parse(data);
  throw new Error('unreachable: the form had errors');
}

/**
 * A case's category is one of its service's own (a plugin's manifest lists them, with their names):
 * chosen from that list, never typed, so `neighbour` and `neighbours` cannot both become rows of the
 * statistics. A case whose service is not decided, or a street's X service, which lists none, has
 * no category. Without the plugins (a caller that checks no forms either) only the X services are known.
 */
export async function checkServiceCategory(
  tx: TenantTx,
  plugins: PluginForms | undefined,
  serviceType: string,
  category: string | null | undefined,
): Promise<void> {
  if (!category) return;
  if (plugins?.has(serviceType)) {
    const listed = plugins.get(serviceType as never).categories.some((c) => c.id === category);
    if (listed) return;
  } else if (plugins === undefined && serviceType !== schema.UNDECIDED_SERVICE) {
    const [x] = await tx
      .select({ id: schema.xService.id })
      .from(schema.xService)
      .where(eq(schema.xService.serviceId, serviceType));
    if (!x) return;
  }
  throw new DomainError('bad-request', 'case.category_invalid', { field: 'category' });
}
