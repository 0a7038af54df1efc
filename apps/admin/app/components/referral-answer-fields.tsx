import { referralOutcomeLabel } from '@linju/i18n';
import { Fieldset, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { DOCUMENT_ACCEPT } from '../lib/document-upload.ts';
import { answerSendsFiles, isJudicialConfirmation, outcomesFor } from '../lib/referral-answer.ts';

/**
 * What a partner's answer needs besides its type: the reason of a refusal or a failure, the
 * outcome (code, text, returned documents) of a completion — and, optionally, of a failure (spec:
 * any event may carry an outcome; e.g. the ruling that refused a judicial confirmation). One set
 * for the partner inbox and the one-time link page. The result is chosen, never typed; a court's
 * answer to a judicial confirmation is its ruling (确认有效 / 不予确认) and the ruling's number.
 */
export function ReferralAnswerFields({
  idPrefix,
  kind,
  type,
  error,
  values,
}: {
  idPrefix: string;
  /** The referral's kind: its results are offered. */
  kind: string;
  type: string;
  error: (field: string) => string | undefined;
  values: Record<string, string | undefined> | undefined;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const ruling = isJudicialConfirmation(kind);
  const reason = (
    <TextField
      id={`${idPrefix}-reason`}
      name="reason"
      label={t('referrals.reason')}
      error={error('reason')}
      defaultValue={values?.reason}
    />
  );
  if (type === 'rejected') return reason;
  if (!answerSendsFiles(type)) return null;
  const outcome = (
    <>
      <input type="hidden" name="kind" value={kind} />
      <SelectField
        id={`${idPrefix}-outcomeCode`}
        name="outcomeCode"
        label={t(ruling ? 'referrals.ruling_outcome' : 'referrals.outcome_code')}
        hint={t(
          ruling && type === 'completed' ? 'referrals.ruling_outcome_hint' : 'referrals.outcome_code_hint',
        )}
        error={error('outcomeCode')}
        defaultValue={values?.outcomeCode ?? ''}
      >
        <option value="">{t('referrals.outcome_none')}</option>
        {outcomesFor(kind, type).map((code) => (
          <option key={code} value={code}>
            {referralOutcomeLabel(locale, code)}
          </option>
        ))}
      </SelectField>
      {ruling ? (
        <TextField
          id={`${idPrefix}-rulingNumber`}
          name="rulingNumber"
          label={t('referrals.ruling_number')}
          hint={t('referrals.ruling_number_hint')}
          error={error('rulingNumber')}
          defaultValue={values?.rulingNumber}
        />
      ) : null}
      <TextField
        id={`${idPrefix}-outcomeText`}
        name="outcomeText"
        label={t(ruling ? 'referrals.ruling_note' : 'referrals.outcome_text')}
        error={error('outcomeText')}
        defaultValue={values?.outcomeText}
      />
      <TextField
        id={`${idPrefix}-documents`}
        name="documents"
        type="file"
        multiple
        label={t('referrals.outcome_documents')}
        hint={t('referrals.outcome_documents_hint')}
        error={error('documents')}
        accept={DOCUMENT_ACCEPT}
      />
    </>
  );
  if (type === 'completed') return outcome;
  return (
    <>
      {reason}
      <Fieldset legend={t('referrals.failed_outcome')} hint={t('referrals.failed_outcome_hint')}>
        {outcome}
      </Fieldset>
    </>
  );
}
