import { type PluginDb, sql } from '@linju/plugin-sdk';
import { z } from 'zod';
import { APPRAISAL_TYPES } from './intake-form.ts';

export const ZGiveAdviceRequest = z.object({
  caseId: z.uuid(),
  appraisalType: z.enum(APPRAISAL_TYPES),
  /** What the resident was told: whether an appraisal helps, what it needs, what it costs. */
  advice: z.string().trim().min(10).max(4000),
  /** Refer the case to this appraisal institution (a partner organisation) for the appraisal. */
  institutionId: z.uuid().optional(),
});

export type AppraisalAdvice = {
  id: string;
  appraisalType: (typeof APPRAISAL_TYPES)[number];
  advice: string;
  appraisalNeeded: boolean;
  institutionId: string | null;
  referralId: string | null;
  givenBy: string;
};

/** Records the advice on an appraisal consultation; with an institution, the appraisal is needed. */
export async function giveAdvice(
  db: PluginDb,
  request: z.input<typeof ZGiveAdviceRequest> & { referralId?: string | null },
  givenBy: string,
): Promise<AppraisalAdvice> {
  const input = ZGiveAdviceRequest.parse(request);
  const referralId = request.referralId ?? null;
  const [row] = await db.query<{ id: string }>(sql`
    insert into appraisal_advice (tenant_id, case_id, appraisal_type, advice, appraisal_needed, institution_id, referral_id, given_by)
    values (${db.tenantId}, ${input.caseId}, ${input.appraisalType}, ${input.advice}, ${input.institutionId !== undefined},
            ${input.institutionId ?? null}, ${referralId}, ${givenBy})
    returning id`);
  return {
    id: row?.id ?? '',
    appraisalType: input.appraisalType,
    advice: input.advice,
    appraisalNeeded: input.institutionId !== undefined,
    institutionId: input.institutionId ?? null,
    referralId,
    givenBy,
  };
}

/** The advice given on a case, oldest first. */
export async function adviceOfCase(db: PluginDb, caseId: string): Promise<AppraisalAdvice[]> {
  return db.query<AppraisalAdvice>(sql`
    select id, appraisal_type as "appraisalType", advice, appraisal_needed as "appraisalNeeded",
      institution_id as "institutionId", referral_id as "referralId", given_by as "givenBy"
    from appraisal_advice where case_id = ${caseId} order by given_at`);
}
