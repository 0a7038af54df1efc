import { formatNumber } from '@linju/i18n';
import { Alert, useLocale, useTranslate } from '@linju/ui';
import { surveyPath } from '../../lib/questionnaire-form.ts';

/**
 * A round just opened: how many were invited, its public link, and each invited case's code —
 * shown this once, since only the codes' hashes are kept.
 */
export function RoundOpened({
  opened,
}: {
  opened: { invited: number; publicToken: string | null; codes: { caseNumber: string; code: string }[] };
}) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <>
      <Alert tone="success" title={t('questionnaires.opened')}>
        <p>{t('questionnaires.opened_codes', { count: formatNumber(locale, opened.invited) })}</p>
        {opened.publicToken ? (
          <p>
            {t('questionnaires.public_link')}: <code>{surveyPath(opened.publicToken)}</code>
          </p>
        ) : null}
      </Alert>
      {opened.codes.length > 0 ? (
        <table className="admin-table">
          <caption>{t('questionnaires.codes_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('questionnaires.col_case')}</th>
              <th scope="col">{t('questionnaires.col_code')}</th>
            </tr>
          </thead>
          <tbody>
            {opened.codes.map((c) => (
              <tr key={c.code}>
                <td>{c.caseNumber}</td>
                <td>
                  <code>{c.code}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
