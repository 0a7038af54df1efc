import type { SecretBox } from '@linju/auth';
import { and, eq, lt, schema, sealedColumns, type TenantTx } from '@linju/db';
import { DomainError } from '../errors.ts';

/** How long a form's submission holds: past a day, a re-post of the same page is a new submission. */
export const FORM_SUBMISSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** One change made while answering a keyed post: the key names the form's post and the call in it. */
export type FormSubmissionCall = {
  tenantId: string;
  staffMemberId: string;
  /** `<the post's key>#<n>` for the n-th change of that post. */
  submissionKey: string;
  procedure: string;
};

/** The change is new (make it, then `recordFormSubmission`), or was made before: its answer. */
export type FormSubmissionClaim = { made: false } | { made: true; answer: unknown };

const { formSubmission } = schema;

/**
 * Claims a keyed change inside the transaction that makes it. The key's row is inserted first, so
 * a second post arriving meanwhile waits on the unique key until the first commits (then it reads
 * the first answer) or rolls back (then it makes the change itself): no window for a double.
 * The person's expired submissions are cleared on the way.
 */
export async function claimFormSubmission(
  tx: TenantTx,
  box: SecretBox,
  call: FormSubmissionCall,
  now: Date = new Date(),
): Promise<FormSubmissionClaim> {
  await tx
    .delete(formSubmission)
    .where(
      and(
        eq(formSubmission.tenantId, call.tenantId),
        eq(formSubmission.staffMemberId, call.staffMemberId),
        lt(formSubmission.expiresAt, now),
      ),
    );
  const inserted = await tx
    .insert(formSubmission)
    .values({
      tenantId: call.tenantId,
      submissionKey: call.submissionKey,
      procedure: call.procedure,
      staffMemberId: call.staffMemberId,
      answerSealed: '',
      createdAt: now,
      expiresAt: new Date(now.getTime() + FORM_SUBMISSION_LIFETIME_MS),
    })
    .onConflictDoNothing()
    .returning({ id: formSubmission.id });
  if (inserted.length > 0) return { made: false };
  const [earlier] = await tx
    .select()
    .from(formSubmission)
    .where(
      and(eq(formSubmission.tenantId, call.tenantId), eq(formSubmission.submissionKey, call.submissionKey)),
    );
  // A key is one person's post of one form: anything else reusing it is a forged request.
  if (!earlier || earlier.staffMemberId !== call.staffMemberId || earlier.procedure !== call.procedure)
    throw new DomainError('conflict', 'form.submission_reused');
  const opened = box.decrypt(earlier.answerSealed, call.tenantId, sealedColumns.formSubmissionAnswer);
  return { made: true, answer: (JSON.parse(opened) as { answer?: unknown }).answer };
}

/** Keeps the change's answer with its claim, sealed: a second post of the form gets it back. */
export async function recordFormSubmission(
  tx: TenantTx,
  box: SecretBox,
  call: FormSubmissionCall,
  answer: unknown,
): Promise<void> {
  await tx
    .update(formSubmission)
    .set({
      answerSealed: box.encrypt(
        JSON.stringify({ answer }),
        call.tenantId,
        sealedColumns.formSubmissionAnswer,
      ),
    })
    .where(
      and(eq(formSubmission.tenantId, call.tenantId), eq(formSubmission.submissionKey, call.submissionKey)),
    );
}
