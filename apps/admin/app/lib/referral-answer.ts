import { JUDICIAL_CONFIRMATION_OUTCOMES, REFERRAL_OUTCOMES } from '@linju/vocabulary';
import { localFailure, type ToFailedSubmissionOptions } from './api-errors.ts';
import { DOCUMENT_FIELD_MESSAGES, declaredType } from './document-upload.ts';
import { formText } from './form-data.ts';
import { type Settled, type StreamedFile, settle, streamedFiles } from './streamed-form.ts';

/** What a partner may answer from the inbox or the link page (`answersFor`). */
export type ReferralAnswer = 'accepted' | 'rejected' | 'in-progress' | 'completed' | 'failed';

/** The answers whose form sends files (the outcome's documents): a completion and a failure. */
export const answerSendsFiles = (type: string) => type === 'completed' || type === 'failed';

export const isJudicialConfirmation = (kind: string) => kind === 'judicial-confirmation';

/**
 * The results a partner chooses from for an answer of `type`: a court's ruling on a judicial
 * confirmation (a failure can only be the ruling not to confirm), else how far it was resolved.
 */
export function outcomesFor(kind: string, type: string): readonly string[] {
  if (!isJudicialConfirmation(kind)) return REFERRAL_OUTCOMES;
  return type === 'failed' ? ['not-confirmed'] : JUDICIAL_CONFIRMATION_OUTCOMES;
}

/**
 * Whether a failure carries an outcome: any of code, text or documents makes one, and then code
 * and text are both needed (spec: `outcome: { code, text, documents? }`).
 */
const failureOutcomeGiven = (
  values: { outcomeCode: string; outcomeText: string; rulingNumber: string },
  documents: AsyncIterable<StreamedFile> | undefined,
) => Boolean(values.outcomeCode || values.outcomeText || values.rulingNumber || documents);

/** The files of the form's `documents` input as the API takes them: streamed, each as it arrives. */
async function* outcomeDocuments(files: AsyncIterable<StreamedFile>) {
  for await (const file of files)
    yield {
      fileName: file.fileName,
      contentType: declaredType(file.fileName, file.contentType),
      content: file.content,
    };
}

/**
 * A partner's answer read from its form (`ReferralAnswerFields`), the same for the inbox and the
 * link page: the typed values (to show again), the local refusal if any (a rejection or failure
 * needs a reason; a completion an outcome; a failure's outcome, once begun, its result and text),
 * and what the API takes besides the referral. `documents`: the files chosen, streaming in after
 * the fields (see `streamedFiles`). A court's ruling not to confirm, chosen on the completion's
 * form, is sent as the exchange has it: a failure whose reason is the note and whose outcome is
 * the ruling (code `not-confirmed`, text the ruling's number and the note).
 */
export function readReferralAnswer(
  form: FormData,
  type: ReferralAnswer,
  documents?: AsyncIterable<StreamedFile>,
) {
  const values = {
    reason: formText(form, 'reason').trim(),
    outcomeCode: formText(form, 'outcomeCode').trim(),
    outcomeText: formText(form, 'outcomeText').trim(),
    rulingNumber: formText(form, 'rulingNumber').trim(),
  };
  const kind = formText(form, 'kind');
  const ruling = isJudicialConfirmation(kind);
  const notConfirmed = ruling && type === 'completed' && values.outcomeCode === 'not-confirmed';
  const files = answerSendsFiles(type) ? documents : undefined;
  const withOutcome = type === 'completed' || (type === 'failed' && failureOutcomeGiven(values, files));
  const local = localFailure({
    reason:
      (type === 'rejected' || type === 'failed') && !values.reason ? 'referral.reason_required' : undefined,
    outcomeCode: !withOutcome
      ? undefined
      : !values.outcomeCode
        ? 'validation.required'
        : outcomesFor(kind, type).includes(values.outcomeCode)
          ? undefined
          : 'validation.invalid',
    rulingNumber: withOutcome && ruling && !values.rulingNumber ? 'validation.required' : undefined,
    outcomeText: notConfirmed
      ? values.outcomeText
        ? undefined
        : 'referral.not_confirmed_reason_required'
      : withOutcome && !ruling && !values.outcomeText
        ? 'referral.outcome_required'
        : undefined,
  });
  // A ruling's text is its number, then the note if any; other results are described in the text.
  const text = ruling
    ? [values.rulingNumber, values.outcomeText].filter(Boolean).join('\n')
    : values.outcomeText;
  const reason = notConfirmed ? values.outcomeText : values.reason;
  const answer = {
    type: notConfirmed ? ('failed' as const) : type,
    ...(reason ? { reason } : {}),
    ...(withOutcome
      ? {
          outcome: {
            code: values.outcomeCode,
            text,
            ...(files ? { documents: outcomeDocuments(files) } : {}),
          },
        }
      : {}),
  };
  return { values, local, answer };
}

/**
 * Reads a partner's form and sends its answer once: with documents, while they stream in (the call
 * starts at the first file, the fields before it read); without, once the form is read. A local
 * refusal sends nothing (its files are left unread), nor does a note's form (`intent=note`), which
 * the caller sends itself.
 */
export async function submitReferralAnswer(
  request: Request,
  send: (answer: ReturnType<typeof readReferralAnswer>['answer'], fields: FormData) => Promise<unknown>,
) {
  const typeOf = (fields: FormData) => formText(fields, 'type') as ReferralAnswer;
  let sent: Settled<unknown> | undefined;
  let streamed: ReturnType<typeof readReferralAnswer> | undefined;
  const form = await streamedFiles(request, 'documents', async (files, fields) => {
    streamed = readReferralAnswer(fields, typeOf(fields), files);
    if (!streamed.local) sent = await settle(send(streamed.answer, fields));
  });
  if (formText(form, 'intent') === 'note') return { form, note: true as const };
  const { values, local, answer } = streamed ?? readReferralAnswer(form, typeOf(form));
  if (!local) sent ??= await settle(send(answer, form));
  return { form, note: false as const, type: typeOf(form), values, local, sent };
}

/** Where the API's refusals of an answer show on its form. */
export const ANSWER_ERROR_FIELDS = {
  fieldForPath: {
    'outcome.code': 'outcomeCode',
    'outcome.text': 'outcomeText',
    outcome: 'outcomeText',
    'outcome.documents': 'documents',
  },
  fieldForMessage: { ...DOCUMENT_FIELD_MESSAGES('documents'), 'referral.too_many_documents': 'documents' },
} satisfies Omit<ToFailedSubmissionOptions, 'fields'>;
