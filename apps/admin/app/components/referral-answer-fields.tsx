import { Fieldset, TextField, useTranslate } from '@linju/ui';
import { DOCUMENT_ACCEPT } from '../lib/document-upload.ts';
import { answerSendsFiles } from '../lib/referral-answer.ts';

/**
 * What a partner's answer needs besides its type: the reason of a refusal or a failure, the
 * outcome (code, text, returned documents) of a completion — and, optionally, of a failure (spec:
 * any event may carry an outcome; e.g. the ruling that refused a judicial confirmation). One set
 * for the partner inbox and the one-time link page.
 */
export function ReferralAnswerFields({
  idPrefix,
  type,
  error,
  values,
}: {
  idPrefix: string;
  type: string;
  error: (field: string) => string | undefined;
  values: Record<string, string | undefined> | undefined;
}) {
  const t = useTranslate();
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
      <TextField
        id={`${idPrefix}-outcomeCode`}
        name="outcomeCode"
        label={t('referrals.outcome_code')}
        hint={t('referrals.outcome_code_hint')}
        error={error('outcomeCode')}
        defaultValue={values?.outcomeCode}
      />
      <TextField
        id={`${idPrefix}-outcomeText`}
        name="outcomeText"
        label={t('referrals.outcome_text')}
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
