import { formatNumber } from '@linju/i18n';
import { useLocale, useTranslate } from '@linju/ui';
import { Link } from 'react-router';
import { useTenantShell } from '../../components/tenant-shell.ts';
import { surveyPath } from '../../lib/questionnaire-form.ts';
import { tenantPaths } from '../../lib/tenant-paths.ts';
import type { Route } from '../+types/questionnaire';

/** The questionnaire's rounds: each period with its invitations, responses and public link. */
export function Rounds({
  rounds,
}: {
  rounds: Route.ComponentProps['loaderData']['questionnaire']['rounds'];
}) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  return (
    <>
      <h2>{t('questionnaires.rounds')}</h2>
      {rounds.length === 0 ? (
        <p>{t('questionnaires.no_rounds')}</p>
      ) : (
        <table className="admin-table">
          <caption className="lj-visually-hidden">{t('questionnaires.rounds')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('questionnaires.col_period')}</th>
              <th scope="col">{t('questionnaires.col_invited')}</th>
              <th scope="col">{t('questionnaires.col_responses')}</th>
              <th scope="col">{t('questionnaires.public_link')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={tenantPaths.questionnaireRound(tenant.slug, r.id)}>
                    {t('questionnaires.period', { from: r.opensOn, to: r.closesOn })}
                  </Link>
                  {r.closedAt ? ` (${t('questionnaires.round_closed')})` : ''}
                </th>
                <td>{formatNumber(locale, r.invited)}</td>
                <td>{formatNumber(locale, r.responses)}</td>
                <td>{r.publicToken ? <code>{surveyPath(r.publicToken)}</code> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
