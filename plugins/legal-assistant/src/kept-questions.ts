import { type PluginDb, sql } from '@linju/plugin-sdk';
import type { Answer } from './answer-question.ts';

/** A question as the district keeps it: scrubbed, no resident, with the answer shown. */
export interface KeptQuestion {
  readonly id: string;
  readonly question: string;
  readonly amountYuan: number | null;
  readonly answer: string;
  readonly modelOutcome: Answer['modelOutcome'];
}

const KEPT = sql`id, question, amount_yuan::float8 as "amountYuan", answer, model_outcome as "modelOutcome"`;

/** Keeps a question and its answer; the procedure asking records the audit entry. */
export async function keepQuestion(
  db: PluginDb,
  asked: {
    readonly month: string;
    /** When it was asked, if not now (the demo's earlier months). */
    readonly askedAt?: Date;
    readonly caseId: string | null;
    readonly question: string;
    readonly amountYuan: number | null;
    readonly services: readonly string[];
    readonly answer: Answer;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(sql`
    insert into legal_assistant_question
      (tenant_id, asked_at, asked_month, channel, case_id, question, topic, services, amount_yuan, answer, model_outcome)
    values (${db.tenantId}, coalesce(${asked.askedAt?.toISOString() ?? null}::timestamptz, now()), ${asked.month}, ${asked.caseId ? 'staff' : 'public'}, ${asked.caseId},
      ${asked.question}, ${asked.answer.topic.id}, ${asked.services}, ${asked.amountYuan},
      ${asked.answer.text}, ${asked.answer.modelOutcome})
    returning id`);
  if (!row) throw new Error('the question was not kept');
  return row.id;
}

/** A kept question by its id (the public page's address names only that). */
export async function keptQuestion(db: PluginDb, id: string): Promise<KeptQuestion | null> {
  const [row] = await db.query<KeptQuestion & Record<string, unknown>>(
    sql`select ${KEPT} from legal_assistant_question where id = ${id} and case_id is null`,
  );
  return row ?? null;
}

/** The last question staff asked on a case, for its tools screen. */
export async function lastQuestionOnCase(db: PluginDb, caseId: string): Promise<KeptQuestion | null> {
  const [row] = await db.query<KeptQuestion & Record<string, unknown>>(sql`
    select ${KEPT} from legal_assistant_question
    where case_id = ${caseId} order by asked_at desc, id limit 1`);
  return row ?? null;
}
