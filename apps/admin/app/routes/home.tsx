import { formatDate, type MessageKey, referralKindLabel, referralStatusLabel } from '@linju/i18n';
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

/** A section of Today: a queue (with statuses, as `case.getMany` takes them) and who sees it. */
type TodaySection = { key: string; queue: CaseQueue; status?: ['resolved'] };

export async function loader({ context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const reads = allowsAnywhere(grants, 'case.read');
  const head = reads && isHead(grants);
  const assigns = reads && allowsAnywhere(grants, 'case.manage');
  // What awaits her first (new arrivals to assign, then the clock), then her own work and intake.
  const wanted: (TodaySection | false)[] = [
    assigns && { key: 'transferred-in', queue: 'transferred-in' },
    assigns && { key: 'unassigned', queue: 'unassigned' },
    head && { key: 'overdue', queue: 'overdue' },
    head && { key: 'due-soon', queue: 'due-soon' },
    reads && { key: 'mine', queue: 'mine' },
    reads && allowsAnywhere(grants, 'case.intake') && { key: 'taken-today', queue: 'taken-today' },
    reads && { key: 'feedback', queue: 'first-responder', status: ['resolved'] },
  ];
  const sections = wanted.filter((s): s is TodaySection => s !== false);
  const [lists, counted, inbox] = await Promise.all([
    Promise.all(
      sections.map(({ queue, status }) =>
        optional(async () =>
          (await caller.case.getMany({ queue, limit: 10, ...(status ? { status } : {}) })).cases.map(
            caseRowView,
          ),
        ),
      ),
    ),
    sections.length > 0 ? optional(() => caller.case.countQueues({ counts: sections })) : null,
    allowsAnywhere(grants, 'referral.respond')
      ? optional(async () =>
          // Pending ones only, asked for as such: the newest ten of all would hide older pending ones.
          (await caller.referral.inbox({ limit: 10, state: 'pending' })).map(
            ({ id, kind, status, summary, subject, dueBy }) => ({
              id,
              kind,
              status,
              summary,
              subjectName: subject.displayName,
              dueBy,
            }),
          ),
        )
      : null,
  ]);
  return {
    displayName: me.user.displayName,
    canIntake: allowsAnywhere(grants, 'case.intake'),
    canReviewSweeps: allowsAnywhere(grants, 'tenant.settings.manage'),
    canImport: allowsAnywhere(grants, 'case.manage'),
    today: todayIn(),
    panels: sections.flatMap((section, i) => {
      const rows = lists[i];
      return rows ? [{ ...section, rows, count: counted?.counts[section.key] ?? rows.length }] : [];
    }),
    countCap: counted?.cap ?? null,
    inbox,
  };
}

/** Each section's heading. */
const SECTION_TITLE: Readonly<Record<string, MessageKey>> = {
  'transferred-in': 'today.transferred_in',
  unassigned: 'today.unassigned',
  overdue: 'today.overdue',
  'due-soon': 'today.due_soon',
  mine: 'today.mine',
  'taken-today': 'today.taken_today',
  feedback: 'today.first_responder',
};

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, sections } = useTenantShell();
  // A city bureau's daily work is its districts' figures: that, not intake, is its first button.
  const cityBureau = sections.includes('cityDistricts');
  const { displayName, canIntake, canImport, canReviewSweeps, today, panels, countCap, inbox } = loaderData;
  const count = (n: number) =>
    countCap !== null && n >= countCap
      ? t('today.count_capped', { count: countCap })
      : t('today.count', { count: n });
  const toAssign = (queue: CaseQueue) => queue === 'unassigned' || queue === 'transferred-in';
  const more = (queue: CaseQueue) =>
    toAssign(queue)
      ? tenantPaths.assignment(tenant.slug, queue as 'unassigned')
      : `${tenantPaths.cases(tenant.slug)}${caseSearchString({ queue })}`;
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
        {panels.map(({ key, queue, rows, count: n }) => (
          <section key={key} className="admin-today__panel" aria-labelledby={`today-${key}`}>
            <h2 id={`today-${key}`}>
              {t(SECTION_TITLE[key] ?? 'today.mine')} <span className="admin-today__count">{count(n)}</span>
            </h2>
            <CaseList rows={rows} today={today} empty={t('today.empty')} />
            {rows.length > 0 ? (
              <p>
                <Link to={more(queue)}>{toAssign(queue) ? t('today.assign_link') : t('today.more')}</Link>
              </p>
            ) : null}
          </section>
        ))}
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
