import { type PluginTaskContext, type ReferralClosedEvent, sql } from '@linju/plugin-sdk';

/**
 * Where an agreement stands with the court: not applied for yet, applied (the referral is with
 * the court), confirmed or not confirmed by it, or the 30-day window to apply passed unused.
 */
export const JUDICIAL_STATUSES = [
  'not-applied',
  'applied',
  'confirmed',
  'not-confirmed',
  'window-lapsed',
] as const;
export type JudicialStatus = (typeof JUDICIAL_STATUSES)[number];

/** 人民调解法 第三十三条: the parties apply together within 30 days of the agreement taking effect. */
export const JUDICIAL_CONFIRMATION_WINDOW_DAYS = 30;

/**
 * The workflow hook of a judicial-confirmation referral's end: a completed referral means the
 * court confirmed the agreement (裁定调解协议有效), a failed one that it did not (the reason says
 * why). Other referrals of a mediation case leave the agreement alone. Runs once per outcome, in
 * the transaction that records it.
 */
export async function recordCourtDecision(ctx: PluginTaskContext, event: ReferralClosedEvent): Promise<void> {
  if (event.kind !== 'judicial-confirmation') return;
  const status: JudicialStatus = event.status === 'completed' ? 'confirmed' : 'not-confirmed';
  const rows = await ctx.db.query<{ id: string; caseId: string }>(sql`
    update mediation_agreement set judicial_status = ${status}
    where judicial_referral_id = ${event.referralId} and judicial_status = 'applied'
    returning id, case_id as "caseId"`);
  for (const row of rows) {
    await ctx.db.audit({
      action: `mediation.agreement.${status}`,
      objectType: 'mediation_agreement',
      objectId: row.id,
      before: { judicialStatus: 'applied' },
      after: {
        judicialStatus: status,
        referralId: event.referralId,
        ...(event.outcome ? { outcome: event.outcome } : {}),
        ...(event.reason === undefined ? {} : { reason: event.reason }),
      },
    });
  }
  if (rows.length === 0) {
    ctx.logger.info('judicial-confirmation referral ended without an applied agreement', {
      referralId: event.referralId,
    });
  }
}

/**
 * The daily activity: agreements in force that took effect more than 30 days before `asOf` and
 * were never put to a court lose the chance (`window-lapsed`); applying is refused from then on.
 * Idempotent: a lapsed agreement is not lapsed again.
 */
export async function lapseConfirmationWindows(
  ctx: PluginTaskContext,
  asOf: Date,
): Promise<{ lapsed: number }> {
  const cutoff = new Date(asOf.getTime() - JUDICIAL_CONFIRMATION_WINDOW_DAYS * 86_400_000).toISOString();
  const rows = await ctx.db.query<{ id: string; effectiveAt: string }>(sql`
    update mediation_agreement set judicial_status = 'window-lapsed'
    where judicial_status = 'not-applied' and superseded_at is null
      and effective_at is not null and effective_at < ${cutoff}
    returning id, to_json(effective_at) #>> '{}' as "effectiveAt"`);
  for (const row of rows) {
    await ctx.db.audit({
      action: 'mediation.agreement.window-lapsed',
      objectType: 'mediation_agreement',
      objectId: row.id,
      before: { judicialStatus: 'not-applied' },
      after: { judicialStatus: 'window-lapsed', effectiveAt: row.effectiveAt },
    });
  }
  return { lapsed: rows.length };
}
