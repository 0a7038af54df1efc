import { formatDateTime, isMessageKey, translate } from '@linju/i18n';
import { Alert, Button, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { load } from '../lib/route-errors.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/notifications';

const PAGE_SIZE = 30;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const search = new URL(request.url).searchParams;
  const unreadOnly = search.get('unread') === '1';
  const cursor = search.get('cursor');
  const page = await load(
    caller.notification.getMany({ unreadOnly, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
  );
  return { unreadOnly, done: search.get('done') === '1', ...page };
}

/** Marks one notification, or all of them, read; then back to the same list. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const back = (values: { unread: string }) =>
    redirect(`${tenantPaths.notifications(slug)}?done=1${values.unread === '1' ? '&unread=1' : ''}`);
  return intentAction(
    request,
    {
      'read-all': intent({
        keep: ['unread'],
        run: async (values) => {
          await caller.notification.markRead({ all: true });
          return back(values);
        },
      }),
      read: intent({
        keep: ['id', 'unread'],
        run: async (values) => {
          await caller.notification.markRead({ ids: [values.id] });
          return back(values);
        },
      }),
    },
    { done: () => tenantPaths.notifications(slug) },
  );
}

type Item = Route.ComponentProps['loaderData']['items'][number];

/** The notification in the reader's language; a key this build does not know shows as it is. */
function useMessage() {
  const locale = useLocale();
  return (n: Item) => (isMessageKey(n.messageKey) ? translate(locale, n.messageKey, n.params) : n.messageKey);
}

export default function Notifications({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const message = useMessage();
  const { tenant } = useTenantShell();
  const { items, nextCursor, unreadOnly, done } = loaderData;
  const base = tenantPaths.notifications(tenant.slug);
  const failed = actionData && 'errors' in actionData ? actionData.errors.form[0] : undefined;
  return (
    <>
      <DocumentTitle title={t('notifications.title')} tenant={tenant} />
      <h1>{t('notifications.title')}</h1>
      {done ? <Alert tone="success">{t('notifications.done')}</Alert> : null}
      {failed && isMessageKey(failed) ? <Alert tone="error">{t(failed)}</Alert> : null}
      <nav aria-label={t('notifications.filter')} className="admin-toolbar">
        {unreadOnly ? (
          <Link to={base}>{t('notifications.show_all')}</Link>
        ) : (
          <Link to={`${base}?unread=1`}>{t('notifications.unread_only')}</Link>
        )}
        {items.some((n) => !n.readAt) ? (
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="unread" value={unreadOnly ? '1' : '0'} />
            <Button type="submit" name="intent" value="read-all" variant="secondary">
              {t('notifications.mark_all_read')}
            </Button>
          </Form>
        ) : null}
      </nav>
      {items.length === 0 ? (
        <p className="admin-muted">{t('notifications.empty')}</p>
      ) : (
        <ul className="admin-case-list">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? undefined : 'admin-notification--unread'}>
              {n.readAt ? null : <span className="admin-status">{t('notifications.unread')} </span>}
              <span>{message(n)}</span>
              <span className="admin-case-list__meta">
                {formatDateTime(locale, n.createdAt)}
                {n.caseId && n.caseNumber ? (
                  <>
                    {' · '}
                    <Link to={tenantPaths.case(tenant.slug, n.caseId)}>
                      {t('notifications.open_case', { number: n.caseNumber })}
                    </Link>
                  </>
                ) : null}
                {n.kind === 'sweep.ready' ? (
                  <>
                    {' · '}
                    <Link to={tenantPaths.sweeps(tenant.slug)}>{t('notifications.open_sweeps')}</Link>
                  </>
                ) : null}
                {n.kind === 'statistics.reports_late' ? (
                  <>
                    {' · '}
                    <Link
                      to={`${tenantPaths.cityDistricts(tenant.slug)}?period=${encodeURIComponent(String(n.params.month ?? ''))}`}
                    >
                      {t('notifications.open_city_districts')}
                    </Link>
                  </>
                ) : null}
              </span>
              {n.readAt ? null : (
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="id" value={n.id} />
                  <input type="hidden" name="unread" value={unreadOnly ? '1' : '0'} />
                  <Button type="submit" name="intent" value="read" variant="secondary">
                    {t('notifications.mark_read')}
                  </Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <p>
          <Link to={`${base}?cursor=${encodeURIComponent(nextCursor)}${unreadOnly ? '&unread=1' : ''}`}>
            {t('notifications.more')}
          </Link>
        </p>
      ) : null}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
