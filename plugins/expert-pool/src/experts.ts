import { type PluginDb, PluginRuleError, sql } from '@linju/plugin-sdk';
import { z } from 'zod';
import { AVAILABILITIES, EXPERT_KINDS, LAW_FIELDS } from './vocabulary.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An expert as the bureau enters them: no contact details (the pool keeps none). */
const ZExpertFields = z.object({
  name: z.string().trim().min(2).max(40),
  kind: z.enum(EXPERT_KINDS),
  affiliation: z.string().trim().min(2).max(100),
  fields: z.array(z.enum(LAW_FIELDS)).min(1).max(LAW_FIELDS.length),
  availability: z.enum(AVAILABILITIES),
  /** The last day of a pause; only for a paused expert. */
  pausedUntil: z.string().regex(ISO_DATE).nullish(),
  /** The staff account the expert answers in the app with; `null`: bureau staff record their answers. */
  staffId: z.uuid().nullish(),
});

/** A pause names its last day: refused at that field. */
const pauseHasLastDay = (e: { availability: string; pausedUntil?: string | null | undefined }) =>
  e.availability !== 'paused' || Boolean(e.pausedUntil);
const PAUSE_NEEDS_LAST_DAY = { path: ['pausedUntil'], message: 'expert-pool.paused_until_required' };

export const ZAddExpertRequest = ZExpertFields.refine(pauseHasLastDay, PAUSE_NEEDS_LAST_DAY);
export const ZUpdateExpertRequest = ZExpertFields.extend({ id: z.uuid() }).refine(
  pauseHasLastDay,
  PAUSE_NEEDS_LAST_DAY,
);

export type ExpertDetails = z.output<typeof ZAddExpertRequest>;

/** A valid expert, for the platform's isolation walks (`sampleInput`). */
export const SAMPLE_EXPERT = {
  name: '样例专家',
  kind: 'lawyer',
  affiliation: '样例律师事务所',
  fields: ['other'],
  availability: 'available',
} as const satisfies z.input<typeof ZAddExpertRequest>;

export type Expert = {
  id: string;
  name: string;
  kind: ExpertDetails['kind'];
  affiliation: string;
  fields: ExpertDetails['fields'];
  availability: ExpertDetails['availability'];
  pausedUntil: string | null;
  staffId: string | null;
};

const EXPERT_COLUMNS = sql`id, name, kind, affiliation, fields, availability,
  to_char(paused_until, 'YYYY-MM-DD') as "pausedUntil", staff_id as "staffId"`;

/** A pause that has already ended is no pause: refused, naming the field. */
function checkPause(details: ExpertDetails, today: string) {
  if (details.availability === 'paused' && (details.pausedUntil ?? '') < today) {
    throw new PluginRuleError('bad-request', 'expert-pool.paused_until_past', { field: 'pausedUntil' });
  }
}

async function checkAccountFree(db: PluginDb, staffId: string | null, exceptId: string | null) {
  if (staffId === null) return;
  const [taken] = await db.query<{ id: string }>(sql`
    select id from expert_pool_expert where staff_id = ${staffId} and id <> ${exceptId ?? '00000000-0000-0000-0000-000000000000'}`);
  if (taken) throw new PluginRuleError('conflict', 'expert-pool.account_taken', { field: 'staffId' });
}

/** Adds an expert to the pool (audited). */
export async function addExpert(db: PluginDb, details: ExpertDetails, today: string): Promise<Expert> {
  checkPause(details, today);
  const staffId = details.staffId ?? null;
  await checkAccountFree(db, staffId, null);
  const [expert] = await db.query<Expert>(sql`
    insert into expert_pool_expert (tenant_id, name, kind, affiliation, fields, availability, paused_until, staff_id)
    values (${db.tenantId}, ${details.name}, ${details.kind}, ${details.affiliation}, ${details.fields}::text[],
            ${details.availability}, ${details.availability === 'paused' ? details.pausedUntil : null}::date, ${staffId})
    returning ${EXPERT_COLUMNS}`);
  if (!expert) throw new Error('expert not inserted');
  await db.audit({
    action: 'expert-pool.expert.added',
    objectType: 'expert_pool_expert',
    objectId: expert.id,
    after: expert,
  });
  return expert;
}

/** Changes an expert's particulars or availability (audited with before and after). */
export async function updateExpert(
  db: PluginDb,
  id: string,
  details: ExpertDetails,
  today: string,
): Promise<Expert> {
  const before = await getExpert(db, id);
  checkPause(details, today);
  const staffId = details.staffId ?? null;
  await checkAccountFree(db, staffId, id);
  const [expert] = await db.query<Expert>(sql`
    update expert_pool_expert set name = ${details.name}, kind = ${details.kind}, affiliation = ${details.affiliation},
      fields = ${details.fields}::text[], availability = ${details.availability},
      paused_until = ${details.availability === 'paused' ? details.pausedUntil : null}::date,
      staff_id = ${staffId}, updated_at = now()
    where id = ${id}
    returning ${EXPERT_COLUMNS}`);
  if (!expert) throw new Error('expert not updated');
  await db.audit({
    action: 'expert-pool.expert.updated',
    objectType: 'expert_pool_expert',
    objectId: id,
    before,
    after: expert,
  });
  return expert;
}

/** One expert; `not-found` naming `expertId` when the pool has none. */
export async function getExpert(db: PluginDb, id: string): Promise<Expert> {
  const [expert] = await db.query<Expert>(
    sql`select ${EXPERT_COLUMNS} from expert_pool_expert where id = ${id}`,
  );
  if (!expert) throw new PluginRuleError('not-found', 'expert-pool.expert_not_found', { field: 'expertId' });
  return expert;
}

/** The pool, by name. */
export const listExperts = (db: PluginDb) =>
  db.query<Expert>(sql`select ${EXPERT_COLUMNS} from expert_pool_expert order by name`);

/** The expert answering with this staff account, if any. */
export async function expertOfAccount(db: PluginDb, staffId: string): Promise<Expert | null> {
  const [expert] = await db.query<Expert>(
    sql`select ${EXPERT_COLUMNS} from expert_pool_expert where staff_id = ${staffId}`,
  );
  return expert ?? null;
}
