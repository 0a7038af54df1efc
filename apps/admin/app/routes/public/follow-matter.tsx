import { formatDate, formatDateTime } from '@linju/i18n';
import { useLocale, useTranslate } from '@linju/ui';
import { data, Link } from 'react-router';
import { DocumentTitle } from '../../components/page-shell.tsx';
import { getAdminContext } from '../../context.ts';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { requireResident } from '../../lib/resident.server.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/follow-matter';

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One of the resident's matters, in words for residents: where it is, what happens next, the time
 * limit in working days, what to bring, the handler's messages, and rating it once closed. Another's case is a 404.
 */
export async function loader(args: Route.LoaderArgs) {
  const slug = tenantSlugFrom(args.params);
  await requireResident(args);
  const caseId = args.params.caseId;
  if (!CASE_ID.test(caseId)) throw data(null, { status: 404 });
  const matter = await getAdminContext(args.context).caller.follow.get({ caseId });
  if (!matter) throw data(null, { status: 404 });
  return { slug, matter };
}

export default function FollowMatter({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { slug, matter } = loaderData;
  const name = (text: { 'zh-CN': string; en: string }) => (locale === 'en' ? text.en : text['zh-CN']);
  return (
    <>
      <DocumentTitle title={t('publicResident.matter_title', { number: matter.number })} />
      <h1>{t('publicResident.matter_title', { number: matter.number })}</h1>
      {matter.serviceName ? <p>{name(matter.serviceName)}</p> : null}
      <h2>{t('publicResident.matter_status')}</h2>
      <p>{t(`publicResident.status.${matter.status}`)}</p>
      <h2>{t('publicResident.matter_next')}</h2>
      <p>{t(`publicResident.next.${matter.status}`)}</p>
      {matter.dueOn && matter.workingDaysLeft !== null && !matter.closedAt ? (
        <>
          <h2>{t('publicResident.matter_due')}</h2>
          <p>
            {matter.workingDaysLeft > 0
              ? t('publicResident.matter_due_left', {
                  date: formatDate(locale, matter.dueOn),
                  days: matter.workingDaysLeft,
                })
              : t('publicResident.matter_due_today', { date: formatDate(locale, matter.dueOn) })}
          </p>
        </>
      ) : null}
      {matter.messages.length > 0 ? (
        <>
          <h2>{t('publicResident.matter_messages')}</h2>
          <ul>
            {matter.messages.map((message) => (
              <li key={message.at.toISOString()}>
                <p>{message.text}</p>
                <p>{formatDateTime(locale, message.at)}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {matter.requiredDocuments.length > 0 && !matter.closedAt ? (
        <>
          <h2>{t('publicResident.matter_documents')}</h2>
          <ul>
            {matter.requiredDocuments.map((document) => (
              <li key={document.id}>
                {name(document.name)}
                {document.optional ? t('publicResident.matter_optional') : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {matter.status === 'closed' || matter.status === 'feedback-given' ? (
        matter.rated ? (
          <p>{t('publicResident.matter_rated')}</p>
        ) : (
          <>
            <h2>{t('publicResident.matter_rate')}</h2>
            <p>{t('publicResident.matter_rate_hint')}</p>
            <p>
              <Link to="/rate">{t('publicResident.matter_rate')}</Link>
            </p>
          </>
        )
      ) : null}
      <p>
        <Link to={publicSitePaths.follow(slug)}>{t('publicResident.matter_back')}</Link>
      </p>
    </>
  );
}
