import { type PluginDb, PluginRuleError, sql } from '@linju/plugin-sdk';
import { z } from 'zod';
import { mayBeAsked } from './availability.ts';
import { type Expert, getExpert } from './experts.ts';
import { LAW_FIELDS } from './vocabulary.ts';

/** A hard matter put to chosen experts for a written opinion (研判), due in working days. */
export const ZRequestOpinion = z.object({
  caseId: z.uuid(),
  expertIds: z
    .array(z.uuid())
    .min(1)
    .max(5)
    .refine((ids) => new Set(ids).size === ids.length, 'expert-pool.experts_repeated'),
  field: z.enum(LAW_FIELDS),
  question: z.string().trim().min(10).max(2000),
  workingDays: z.number().int().min(1).max(30),
});

/** The opinion as the expert (or bureau staff on their behalf) writes it. */
export const ZOpinion = z.object({
  caseId: z.uuid(),
  requestId: z.uuid(),
  opinion: z.string().trim().min(10).max(8000),
});

export const ZRequestOnCase = z.object({ caseId: z.uuid(), requestId: z.uuid() });

export type OpinionRequest = {
  id: string;
  caseId: string;
  caseNumber: string;
  expertId: string;
  field: (typeof LAW_FIELDS)[number];
  question: string;
  dueOn: string;
  requestedOn: string;
  requestedBy: string;
  requestedByName: string;
  status: 'open' | 'answered' | 'withdrawn';
  opinion: string | null;
  answeredOn: string | null;
  recordedByName: string | null;
  onBehalf: boolean;
};

const REQUEST_COLUMNS = sql`id, case_id as "caseId", case_number as "caseNumber", expert_id as "expertId", field, question,
  to_char(due_on, 'YYYY-MM-DD') as "dueOn", to_char(requested_on, 'YYYY-MM-DD') as "requestedOn",
  requested_by as "requestedBy", requested_by_name as "requestedByName", status, opinion,
  to_char(answered_on, 'YYYY-MM-DD') as "answeredOn", recorded_by_name as "recordedByName", on_behalf as "onBehalf"`;

/** Who asks, on which district dates. */
export interface Asking {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly field: OpinionRequest['field'];
  readonly question: string;
  readonly today: string;
  readonly dueOn: string;
  readonly requestedBy: { readonly staffId: string; readonly name: string };
}

/**
 * Puts the matter to each expert (in the order chosen: each request's moment is its own, so the
 * requests list as they were made): only those available today, and not twice to one expert while
 * an earlier request on the case is open. One request per expert, so each answers on their own.
 */
export async function requestOpinions(
  db: PluginDb,
  expertIds: readonly string[],
  asking: Asking,
): Promise<{ request: OpinionRequest; expert: Expert }[]> {
  const asked: { request: OpinionRequest; expert: Expert }[] = [];
  for (const expertId of expertIds) {
    const expert = await getExpert(db, expertId).catch(() => {
      throw new PluginRuleError('not-found', 'expert-pool.expert_not_found', { field: 'expertIds' });
    });
    if (!mayBeAsked(expert, asking.today)) {
      throw new PluginRuleError('conflict', 'expert-pool.expert_unavailable', { field: 'expertIds' });
    }
    const [open] = await db.query<{ id: string }>(sql`
      select id from expert_pool_request where case_id = ${asking.caseId} and expert_id = ${expertId} and status = 'open'`);
    if (open) throw new PluginRuleError('conflict', 'expert-pool.already_asked', { field: 'expertIds' });
    const [request] = await db.query<OpinionRequest>(sql`
      insert into expert_pool_request (tenant_id, case_id, case_number, expert_id, field, question, due_on, requested_by, requested_by_name, requested_on, requested_at)
      values (${db.tenantId}, ${asking.caseId}, ${asking.caseNumber}, ${expertId}, ${asking.field}, ${asking.question}, ${asking.dueOn}::date,
              ${asking.requestedBy.staffId}, ${asking.requestedBy.name}, ${asking.today}::date,
              clock_timestamp())
      returning ${REQUEST_COLUMNS}`);
    if (!request) throw new Error('request not inserted');
    asked.push({ request, expert });
  }
  return asked;
}

/** One request on the case, locked for a change; `not-found` naming `requestId` for any other. */
export async function requestOnCase(
  db: PluginDb,
  caseId: string,
  requestId: string,
): Promise<OpinionRequest> {
  const [request] = await db.query<OpinionRequest>(sql`
    select ${REQUEST_COLUMNS} from expert_pool_request where id = ${requestId} and case_id = ${caseId} for update`);
  if (!request)
    throw new PluginRuleError('not-found', 'expert-pool.request_not_found', { field: 'requestId' });
  return request;
}

const requireOpen = (request: OpinionRequest) => {
  if (request.status !== 'open') {
    throw new PluginRuleError('conflict', `expert-pool.request_${request.status}`, { field: 'requestId' });
  }
};

/** Withdraws an open request (the matter was settled, or put to someone else). */
export async function withdrawRequest(db: PluginDb, request: OpinionRequest): Promise<void> {
  requireOpen(request);
  await db.query(sql`
    update expert_pool_request set status = 'withdrawn', withdrawn_at = now() where id = ${request.id}`);
}

/** Records the opinion on an open request: by the expert, or by `recordedBy` on their behalf. */
export async function recordOpinion(
  db: PluginDb,
  request: OpinionRequest,
  answer: {
    readonly opinion: string;
    readonly today: string;
    readonly recordedBy: string;
    readonly onBehalf: boolean;
  },
): Promise<OpinionRequest> {
  requireOpen(request);
  const [answered] = await db.query<OpinionRequest>(sql`
    update expert_pool_request set status = 'answered', opinion = ${answer.opinion}, answered_at = now(),
      answered_on = ${answer.today}::date, recorded_by_name = ${answer.recordedBy}, on_behalf = ${answer.onBehalf}
    where id = ${request.id}
    returning ${REQUEST_COLUMNS}`);
  if (!answered) throw new Error('request not answered');
  return answered;
}

/** The requests on a case, oldest first. */
export const requestsOfCase = (db: PluginDb, caseId: string) =>
  db.query<OpinionRequest>(sql`
    select ${REQUEST_COLUMNS} from expert_pool_request where case_id = ${caseId} order by requested_at, id`);

/** An expert's requests, newest first. */
export const requestsOfExpert = (db: PluginDb, expertId: string) =>
  db.query<OpinionRequest>(sql`
    select ${REQUEST_COLUMNS} from expert_pool_request where expert_id = ${expertId} order by requested_at desc, id`);

/** Every request of the pool, for the load figures. */
export const allRequests = (db: PluginDb) =>
  db.query<OpinionRequest>(sql`select ${REQUEST_COLUMNS} from expert_pool_request order by requested_at`);
