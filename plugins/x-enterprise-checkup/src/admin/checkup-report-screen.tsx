import type { PluginMessageKey } from '@linju/plugin-sdk';
import { type CaseScreenProps, caseScreen, type ProcedureResult } from '@linju/plugin-sdk/admin';
import type { messages } from '../messages.ts';
import type { page } from '../procedures/page.ts';

type Data = ProcedureResult<typeof page>;
type Key = PluginMessageKey<typeof messages>;
type Props = CaseScreenProps<Data, Key>;

/** The check-up's case page: the risk report (level, findings most serious first) and its printable document. */
export const checkupReportScreen = caseScreen<Data, Key>({
  id: 'case-page',
  page: 'page',
  heading: (data, t) => ({
    title: t('x-enterprise-checkup.page.title', { number: data.case.number }),
    caseNumber: data.case.number,
  }),
  intents: {
    issue: {
      procedure: 'issueReport',
      fields: {},
      input: (_form, at) => ({ caseId: at.caseId }),
      done: 'issue',
    },
  },
  Component: CheckupReport,
});

function CheckupReport({ data, slug, caseId, locale, IntentForm, t }: Props) {
  const { enterprise, report, issued } = data;
  return (
    <>
      <dl className="admin-details">
        <dt>{t('x-enterprise-checkup.page.enterprise')}</dt>
        <dd>{enterprise.name}</dd>
        <dt>{t('x-enterprise-checkup.page.employees')}</dt>
        <dd>{t('x-enterprise-checkup.page.employees_count', { count: enterprise.employees })}</dd>
        <dt>{t('x-enterprise-checkup.page.level')}</dt>
        <dd>
          <strong className={`admin-status admin-status--risk-${report.level}`}>
            {t(`x-enterprise-checkup.level.${report.level}`)}
          </strong>
        </dd>
      </dl>
      <section aria-labelledby="checkup-findings">
        <h2 id="checkup-findings">{t('x-enterprise-checkup.page.findings')}</h2>
        {report.findings.length > 0 ? (
          <ol>
            {report.findings.map((finding) => (
              <li key={finding.id}>
                <strong>{t(`x-enterprise-checkup.severity.${finding.severity}`)}</strong> ·{' '}
                {finding.text[locale]}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('x-enterprise-checkup.page.no_findings')}</p>
        )}
      </section>
      <section aria-labelledby="checkup-report">
        <h2 id="checkup-report">{t('x-enterprise-checkup.page.report')}</h2>
        {issued ? (
          <p>
            {/* A case document's download (the admin app's route; the API checks and audits it). */}
            <a href={`/t/${slug}/cases/${caseId}/documents/${issued.documentId}`} download>
              {t('x-enterprise-checkup.page.download', { date: issued.on })}
            </a>
          </p>
        ) : (
          <p className="admin-muted">{t('x-enterprise-checkup.page.not_issued')}</p>
        )}
        <IntentForm
          intent="issue"
          title={t(issued ? 'x-enterprise-checkup.page.reissue' : 'x-enterprise-checkup.page.issue')}
          submit={t(issued ? 'x-enterprise-checkup.page.reissue' : 'x-enterprise-checkup.page.issue')}
        >
          {() => <p className="admin-muted">{t('x-enterprise-checkup.page.issue_hint')}</p>}
        </IntentForm>
      </section>
    </>
  );
}
