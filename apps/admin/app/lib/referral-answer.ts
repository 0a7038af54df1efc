import { localFailure, type ToFailedSubmissionOptions } from './api-errors.ts';
import { formText } from './form-data.ts';

/** What a partner may answer from the inbox or the link page (`answersFor`). */
export type ReferralAnswer = 'accepted' | 'rejected' | 'in-progress' | 'completed' | 'failed';

/** The answers whose form sends files (the outcome's documents): a completion and a failure. */
export const answerSendsFiles = (type: string) => type === 'completed' || type === 'failed';

/**
 * Whether a failure carries an outcome: any of code, text or documents makes one, and then code
 * and text are both needed (spec: `outcome: { code, text, documents? }`).
 */
const failureOutcomeGiven = (
  values: { outcomeCode: string; outcomeText: string },
  documents: readonly unknown[],
) => Boolean(values.outcomeCode || values.outcomeText || documents.length > 0);

/** The files chosen in a form's `documents` input, as the API takes them (empty inputs dropped). */
export async function uploadedDocuments(form: FormData) {
  const files = form
    .getAll('documents')
    .filter((f): f is File => f instanceof File && f.size > 0 && f.name !== '');
  return Promise.all(
    files.map(async (file) => ({
      fileName: file.name,
      contentType: file.type || 'application/octet-stream',
      contentBase64: Buffer.from(await file.arrayBuffer()).toString('base64'),
    })),
  );
}

/**
 * A partner's answer read from its form (`ReferralAnswerFields`), the same for the inbox and the
 * link page: the typed values (to show again), the local refusal if any (a rejection or failure
 * needs a reason; a completion an outcome; a failure's outcome, once begun, its code and text),
 * and what the API takes besides the referral.
 */
export async function readReferralAnswer(form: FormData, type: ReferralAnswer) {
  const values = {
    reason: formText(form, 'reason').trim(),
    outcomeCode: formText(form, 'outcomeCode').trim(),
    outcomeText: formText(form, 'outcomeText').trim(),
  };
  const documents = answerSendsFiles(type) ? await uploadedDocuments(form) : [];
  const withOutcome = type === 'completed' || (type === 'failed' && failureOutcomeGiven(values, documents));
  const local = localFailure({
    reason:
      (type === 'rejected' || type === 'failed') && !values.reason ? 'referral.reason_required' : undefined,
    outcomeCode: withOutcome && !values.outcomeCode ? 'validation.required' : undefined,
    outcomeText: withOutcome && !values.outcomeText ? 'referral.outcome_required' : undefined,
  });
  const answer = {
    type,
    ...(values.reason ? { reason: values.reason } : {}),
    ...(withOutcome
      ? {
          outcome: {
            code: values.outcomeCode,
            text: values.outcomeText,
            ...(documents.length > 0 ? { documents } : {}),
          },
        }
      : {}),
  };
  return { values, local, answer };
}

/** Where the API's refusals of an answer show on its form. */
export const ANSWER_ERROR_FIELDS = {
  fieldForPath: {
    'outcome.code': 'outcomeCode',
    'outcome.text': 'outcomeText',
    outcome: 'outcomeText',
    'outcome.documents': 'documents',
  },
  fieldForMessage: {
    'case.document_too_large': 'documents',
    'case.document_type_not_allowed': 'documents',
    'case.document_empty': 'documents',
    'case.document_content_mismatch': 'documents',
    'referral.too_many_documents': 'documents',
  },
} satisfies Omit<ToFailedSubmissionOptions, 'fields'>;
