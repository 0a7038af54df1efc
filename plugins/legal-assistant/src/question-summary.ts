import { type PluginDb, sql } from '@linju/plugin-sdk';

/** The months shown, newest first. */
const MONTHS = 12;
/** The latest questions listed. */
const LATEST = 20;

/** What the district was asked: per month (by channel, refused model answers), per month and service, the latest. */
export async function questionSummary(db: PluginDb) {
  const byMonth = await db.query<{
    month: string;
    count: number;
    public: number;
    staff: number;
    refused: number;
  }>(sql`
    select asked_month as month, count(*)::int as count,
      count(*) filter (where channel = 'public')::int as public,
      count(*) filter (where channel = 'staff')::int as staff,
      count(*) filter (where model_outcome = 'refused')::int as refused
    from legal_assistant_question
    group by asked_month order by asked_month desc limit ${MONTHS}`);
  const byService = await db.query<{ month: string; service: string | null; count: number }>(sql`
    select asked_month as month, service, count(*)::int as count
    from legal_assistant_question
      left join lateral unnest(services) as service on true
    where asked_month >= ${byMonth.at(-1)?.month ?? ''}
    group by asked_month, service order by asked_month desc, count desc, service`);
  const latest = await db.query<{ id: string; askedAt: Date; topic: string; question: string }>(sql`
    select id, asked_at as "askedAt", topic, question
    from legal_assistant_question order by asked_at desc, id limit ${LATEST}`);
  return { byMonth, byService, latest };
}
