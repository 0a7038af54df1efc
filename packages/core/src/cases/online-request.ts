import type { SecretBox } from '@linju/auth';
import { asc, isNull, schema, type TenantTx } from '@linju/db';
import { translate } from '@linju/i18n';
import { HOME_VISIT_GROUPS, NETWORK_ORGANISATION_KINDS, ONLINE_QUESTION_TOPICS } from '@linju/vocabulary';
import { z } from 'zod';
import type { PluginForms } from '../catalogue/x-service.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import { openOnlineCase, ZOnlineIntakeRequest } from './online-intake.ts';

const required = { message: 'validation.required' };
/** What happened, in the resident's words: enough for the desk to triage it. */
const account = (max: number) =>
  z.string().trim().min(1, required).min(10, { message: 'publicApply.too_short' }).max(max);

const ZWho = z.object({
  name: ZOnlineIntakeRequest.shape.name,
  /** Where the resident lives or came from (a street's station, a community's room, a point). */
  organisationId: z.uuid(required),
});

/**
 * A request sent from the public site without choosing a service: a question, a dispute to
 * mediate or a home visit (green channel) — the desk triages it into a service (研判分流).
 */
export const ZOnlineRequest = z.discriminatedUnion('kind', [
  ZWho.extend({
    kind: z.literal('question'),
    topic: z.enum(ONLINE_QUESTION_TOPICS, required),
    question: account(4000),
  }),
  ZWho.extend({
    kind: z.literal('dispute'),
    otherParty: z.string().trim().min(1, required).max(100),
    whatHappened: account(4000),
  }),
  ZWho.extend({
    kind: z.literal('home-visit'),
    forWhom: z.enum(HOME_VISIT_GROUPS, required),
    address: z.string().trim().min(1, required).max(200),
    reason: account(2000),
  }),
]);
export type OnlineRequest = z.input<typeof ZOnlineRequest>;

/** The case's description in the district's language: what was asked, then the resident's words. */
function descriptionOf(request: z.output<typeof ZOnlineRequest>) {
  const say = (key: Parameters<typeof translate>[1], params: Record<string, string>) =>
    translate('zh-CN', key, params);
  switch (request.kind) {
    case 'question':
      return say('publicApply.case.question', {
        topic: say(`publicApply.topic.${request.topic}`, {}),
        text: request.question,
      });
    case 'dispute':
      return say('publicApply.case.dispute', { text: request.whatHappened });
    case 'home-visit':
      return say('publicApply.case.home-visit', {
        forWhom: say(`publicApply.for_whom.${request.forWhom}`, {}),
        text: request.reason,
      });
  }
}

/**
 * Takes in a request from the public site for the verified phone: an online case of no service
 * yet, in the chosen place's queue; the other party of a dispute is its party, a home visit's
 * address the resident's (sealed) and its group the resident's key group.
 */
export async function sendOnlineRequest(
  tx: TenantTx,
  platform: { tenantId: string; box: SecretBox; files: DocumentStore; forms: PluginForms },
  phone: string,
  request: OnlineRequest,
) {
  const input = ZOnlineRequest.parse(request);
  return openOnlineCase(tx, platform, {
    phone,
    name: input.name,
    organisationId: input.organisationId,
    serviceType: schema.UNDECIDED_SERVICE,
    description: descriptionOf(input),
    ...(input.kind === 'dispute' ? { parties: [{ role: 'adverse', name: input.otherParty }] } : {}),
    ...(input.kind === 'home-visit' ? { address: input.address, keyGroups: [input.forWhom] } : {}),
  });
}

/** The district's open service points a resident can say they live near or came from, in tree order. */
export const placesForResidents = (tx: TenantTx) =>
  tx
    .select({
      id: schema.organisation.id,
      kind: schema.organisation.kind,
      nameZh: schema.organisation.nameZh,
      nameEn: schema.organisation.nameEn,
      parentId: schema.organisation.parentId,
    })
    .from(schema.organisation)
    .where(isNull(schema.organisation.closedAt))
    .orderBy(asc(schema.organisation.path))
    .then((all) => all.filter((o) => (NETWORK_ORGANISATION_KINDS as readonly string[]).includes(o.kind)));
