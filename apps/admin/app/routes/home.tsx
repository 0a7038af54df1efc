import { formatDate, referralKindLabel, referralStatusLabel } from '@linju/i18n';
import { useLocale, useTranslate } from '@linju/ui';
import { Link } from 'react-router';
import { CaseList, caseRowView } from '../components/case-list.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { type CaseQueue, caseSearchString, isHead } from '../lib/cases.ts';
import { allowsAnywhere } from '../lib/permissions.ts';
import { isForbidden } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/home';

/** A call whose refusal only means "not yours to see": the list is left out. */
async function optional<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (isForbidden(error)) return null;
    throw error;
  }
}

export async function loader({ context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const reads = allowsAnywhere(grants, 'case.read');
  const queue = (queue: CaseQueue, extra: { status?: ['resolved'] } = {}) =>
    reads
      ? optional(async () =>
          (await caller.case.getMany({ queue, limit: 10, ...extra })).cases.map(caseRowView),
        )
      : Promise.resolve(null);
  const head = reads && isHead(grants);
  const [mine, awaitingFeedback, dueSoon, overdue, inbox] = await Promise.all([
    queue('mine'),
    queue('first-responder', { status: ['resolved'] }),
    head ? queue('due-soon') : null,
    head ? queue('overdue') : null,
    allowsAnywhere(grants, 'referral.respond')
      ? optional(async () =>
          (await caller.referral.inbox({ limit: 10 }))
            .filter((r) => !['completed', 'failed', 'rejected', 'cancelled'].includes(r.status))
            .map(({ id, kind, status, summary, subject, dueBy }) => ({
              id,
              kind,
              status,
              summary,
              subjectName: subject.displayName,
              dueBy,
            })),
        )
      : null,
  ]);
  return {
    displayName: me.user.displayName,
    canIntake: allowsAnywhere(grants, 'case.intake'),
    canReviewSweeps: allowsAnywhere(grants, 'tenant.settings.manage'),
    canImport: allowsAnywhere(grants, 'case.manage'),
    today: todayIn(),
    mine,
    awaitingFeedback,
    dueSoon,
    overdue,
    inbox,
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, sections } = useTenantShell();
  // A city bureau's daily work is its districts' figures: that, not intake, is its first button.
  const cityBureau = sections.includes('cityDistricts');
  const {
    displayName,
    canIntake,
    canImport,
    canReviewSweeps,
    today,
    mine,
    awaitingFeedback,
    dueSoon,
    overdue,
    inbox,
  } = loaderData;
  const more = (queue: CaseQueue) => `${tenantPaths.cases(tenant.slug)}${caseSearchString({ queue })}`;
  const section = (
    id: string,
    title: string,
    rows: Parameters<typeof CaseList>[0]['rows'] | null,
    queue: CaseQueue,
  ) =>
    rows ? (
      <section className="admin-today__panel" aria-labelledby={id}>
        <h2 id={id}>{title}</h2>
        <CaseList rows={rows} today={today} empty={t('today.empty')} />
        {rows.length > 0 ? (
          <p>
            <Link to={more(queue)}>{t('today.more')}</Link>
          </p>
        ) : null}
      </section>
    ) : null;
  return (
    <>
      <DocumentTitle title={t('today.title')} tenant={tenant} />
      <h1>{t('today.greeting', { name: displayName })}</h1>
      {cityBureau ? (
        <p>
          <Link className="lj-button lj-button--primary" to={tenantPaths.cityDistricts(tenant.slug)}>
            {t('city_districts.title')}
          </Link>
        </p>
      ) : null}
      {canIntake && !cityBureau ? (
        <p>
          <Link className="lj-button lj-button--primary" to={tenantPaths.newCase(tenant.slug)}>
            {t('today.new_case')}
          </Link>
        </p>
      ) : null}
      {canImport ? (
        <p>
          <Link to={tenantPaths.hotlineImport(tenant.slug)}>{t('hotlineImport.title')}</Link>
        </p>
      ) : null}
      {canReviewSweeps ? (
        <p>
          <Link to={tenantPaths.sweeps(tenant.slug)}>{t('today.sweeps_link')}</Link>
        </p>
      ) : null}
      <div className="admin-today">
        {section('today-overdue', t('today.overdue'), overdue, 'overdue')}
        {section('today-due-soon', t('today.due_soon'), dueSoon, 'due-soon')}
        {section('today-mine', t('today.mine'), mine, 'mine')}
        {section('today-feedback', t('today.first_responder'), awaitingFeedback, 'first-responder')}
        {inbox ? (
          <section className="admin-today__panel" aria-labelledby="today-inbox">
            <h2 id="today-inbox">{t('today.inbox')}</h2>
            {inbox.length === 0 ? (
              <p className="admin-muted">{t('today.empty')}</p>
            ) : (
              <ul className="admin-case-list">
                {inbox.map((r) => (
                  <li key={r.id}>
                    <Link to={`${tenantPaths.referrals(tenant.slug)}#referral-${r.id}`}>
                      {referralKindLabel(locale, r.kind)}
                    </Link>{' '}
                    <span className="admin-status">{referralStatusLabel(locale, r.status)}</span>
                    <span className="admin-case-list__meta">
                      {r.subjectName} · {r.summary} · {formatDate(locale, r.dueBy)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
