import { type PluginDb, PluginRuleError, type SqlStatement, sql } from '@linju/plugin-sdk';
import { z } from 'zod';

/** What the proposer writes on the review screen, from the draft made of the case. */
export const ZProposal = z.object({
  caseId: z.uuid(),
  title: z.string().trim().min(4).max(120),
  /** What happened, personal data removed. */
  summary: z.string().trim().min(10).max(4000),
  /** What was resolved and how. */
  resolution: z.string().trim().min(10).max(4000),
  /** The articles relied on, as citations (《民法典》第六百七十五条), one or more. */
  statutes: z.string().trim().min(1).max(2000),
});

/** An article a reference case rests on, as the statute library confirmed it. */
export const ZStatuteRelied = z.object({ written: z.string(), law: z.string(), article: z.number().int() });
export type StatuteRelied = z.infer<typeof ZStatuteRelied>;

export const REFERENCE_CASE_STATUSES = ['proposed', 'approved', 'returned'] as const;
export type ReferenceCaseStatus = (typeof REFERENCE_CASE_STATUSES)[number];

export interface ReferenceCase {
  id: string;
  sourceCaseId: string | null;
  serviceType: string;
  category: string | null;
  title: string;
  summary: string;
  resolution: string;
  statutes: StatuteRelied[];
  status: ReferenceCaseStatus;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  returnReason: string | null;
}

const COLUMNS = sql`id, source_case_id as "sourceCaseId", service_type as "serviceType", category, title,
  summary, resolution, statutes, status, proposed_by as "proposedBy", proposed_at as "proposedAt",
  decided_by as "decidedBy", decided_at as "decidedAt", return_reason as "returnReason"`;

/**
 * Records a proposal from a closed case (or proposes a returned one again, edited); a case already
 * proposed and waiting, or approved, is refused.
 */
export async function proposeReferenceCase(
  db: PluginDb,
  proposal: Omit<z.output<typeof ZProposal>, 'statutes' | 'caseId'> & {
    sourceCaseId: string | null;
    serviceType: string;
    category: string | null;
    statutes: readonly StatuteRelied[];
  },
  proposedBy: string,
): Promise<ReferenceCase> {
  const [row] = await db.query<ReferenceCase & Record<string, unknown>>(sql`
    insert into reference_cases_entry (tenant_id, source_case_id, service_type, category, title, summary,
      resolution, statutes, status, proposed_by)
    values (${db.tenantId}, ${proposal.sourceCaseId}, ${proposal.serviceType}, ${proposal.category},
      ${proposal.title}, ${proposal.summary}, ${proposal.resolution}, ${JSON.stringify(proposal.statutes)}::jsonb,
      'proposed', ${proposedBy})
    on conflict (tenant_id, source_case_id) do update set title = excluded.title, summary = excluded.summary,
      resolution = excluded.resolution, statutes = excluded.statutes, status = 'proposed',
      proposed_by = excluded.proposed_by, proposed_at = now(), decided_by = null, decided_at = null,
      return_reason = null
      where reference_cases_entry.status = 'returned'
    returning ${COLUMNS}`);
  if (!row) throw new PluginRuleError('conflict', 'reference-cases.already_proposed');
  await db.audit({
    action: 'reference-cases.case.proposed',
    objectType: 'reference_cases_entry',
    objectId: row.id,
    after: { sourceCaseId: row.sourceCaseId, title: row.title },
  });
  return row;
}

/** The proposal made from a case, whatever its state; `null` when none was. */
export async function referenceCaseOf(db: PluginDb, sourceCaseId: string): Promise<ReferenceCase | null> {
  const [row] = await db.query<ReferenceCase & Record<string, unknown>>(
    sql`select ${COLUMNS} from reference_cases_entry where source_case_id = ${sourceCaseId}`,
  );
  return row ?? null;
}

/** One reference case by its id, `null` when there is none. */
export async function findReferenceCase(db: PluginDb, id: string): Promise<ReferenceCase | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const [row] = await db.query<ReferenceCase & Record<string, unknown>>(
    sql`select ${COLUMNS} from reference_cases_entry where id = ${id}`,
  );
  return row ?? null;
}

/** One reference case by its id; `not-found` when there is none. */
export async function referenceCase(db: PluginDb, id: string): Promise<ReferenceCase> {
  const found = await findReferenceCase(db, id);
  if (!found)
    throw new PluginRuleError('not-found', 'reference-cases.not_found', { field: 'referenceCaseId' });
  return found;
}

/** Approves a waiting proposal, or returns it with a reason; audited either way. */
export async function decideReferenceCase(
  db: PluginDb,
  decision: { id: string; approve: true } | { id: string; approve: false; reason: string },
  decidedBy: string,
): Promise<ReferenceCase> {
  const status: ReferenceCaseStatus = decision.approve ? 'approved' : 'returned';
  const reason = decision.approve ? null : decision.reason;
  const [row] = await db.query<ReferenceCase & Record<string, unknown>>(sql`
    update reference_cases_entry set status = ${status}, decided_by = ${decidedBy}, decided_at = now(),
      return_reason = ${reason}
    where id = ${decision.id} and status = 'proposed'
    returning ${COLUMNS}`);
  if (!row)
    throw new PluginRuleError('conflict', 'reference-cases.not_waiting', { field: 'referenceCaseId' });
  await db.audit({
    action: decision.approve ? 'reference-cases.case.approved' : 'reference-cases.case.returned',
    objectType: 'reference_cases_entry',
    objectId: row.id,
    before: { status: 'proposed' },
    after: { status, ...(reason ? { reason } : {}) },
  });
  return row;
}

/** How the library is filtered: service, category, a law (part of its name) or one article of it, words. */
export interface LibraryFilter {
  serviceType?: string | undefined;
  category?: string | undefined;
  /** Part of a law's name (民法典): cases citing any of its articles. */
  law?: string | undefined;
  /** One article, the law by its full name as the statute library gives it. */
  article?: { law: string; article: number } | undefined;
  text?: string | undefined;
}

/** `%` and `_` typed by someone are letters, not wildcards. */
const likeTerm = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** What a text search looks through: every word the library shows of a case. */
const HAYSTACK = sql`(title || ' ' || summary || ' ' || resolution || ' ' || statutes::text)`;

/**
 * The approved reference cases matching the filter, latest first. Words are matched as typed
 * (ILIKE, each word separated by spaces must appear): plain enough for a district's few hundred cases.
 */
export async function approvedReferenceCases(db: PluginDb, filter: LibraryFilter): Promise<ReferenceCase[]> {
  const conditions: SqlStatement[] = [sql`status = 'approved'`];
  if (filter.serviceType) conditions.push(sql`service_type = ${filter.serviceType}`);
  if (filter.category) conditions.push(sql`category = ${filter.category}`);
  if (filter.article) {
    conditions.push(sql`statutes @> ${JSON.stringify([filter.article])}::jsonb`);
  } else if (filter.law) {
    conditions.push(
      sql`exists (select 1 from jsonb_array_elements(statutes) s where s->>'law' ilike ${likeTerm(filter.law)})`,
    );
  }
  for (const term of (filter.text ?? '').split(/\s+/).filter(Boolean)) {
    conditions.push(sql`${HAYSTACK} ilike ${likeTerm(term)}`);
  }
  const where = conditions.reduce((all, condition) => sql`${all} and ${condition}`);
  return db.query<ReferenceCase & Record<string, unknown>>(
    sql`select ${COLUMNS} from reference_cases_entry where ${where} order by decided_at desc, id`,
  );
}

/** Proposals waiting for a decision, oldest first. */
export async function waitingProposals(db: PluginDb): Promise<ReferenceCase[]> {
  return db.query<ReferenceCase & Record<string, unknown>>(
    sql`select ${COLUMNS} from reference_cases_entry where status = 'proposed' order by proposed_at, id`,
  );
}

/**
 * The words of a question a case is scored by: overlapping pairs of Chinese characters (Chinese
 * has no spaces to split words on) and whole Latin words or numbers.
 */
export function searchTerms(question: string): string[] {
  const terms = new Set<string>();
  for (const run of question.match(/[\p{Script=Han}]+|[A-Za-z0-9]{2,}/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run)) terms.add(run.toLowerCase());
    for (let i = 0; i + 2 <= run.length && /\p{Script=Han}/u.test(run); i++) terms.add(run.slice(i, i + 2));
  }
  return [...terms];
}

/** Approved reference cases like the question: the most of its terms found first, then the latest. */
export async function similarReferenceCases(
  db: PluginDb,
  query: { readonly text: string; readonly limit: number },
): Promise<ReferenceCase[]> {
  const terms = searchTerms(query.text).map(likeTerm);
  if (terms.length === 0) return [];
  return db.query<ReferenceCase & Record<string, unknown>>(sql`
    select * from (
      select ${COLUMNS}, (select count(*) from jsonb_array_elements_text(${JSON.stringify(terms)}::jsonb) term
        where ${HAYSTACK} ilike term) as score
      from reference_cases_entry where status = 'approved'
    ) scored
    where score > 0 order by score desc, "decidedAt" desc, id limit ${query.limit}`);
}
