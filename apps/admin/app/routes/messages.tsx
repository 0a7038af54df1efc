import { formatDateTime, formatNumber, type MessageKey } from '@linju/i18n';
import { useLocale, useTranslate } from '@linju/ui';
import type { MessageChannel, MessageStatus, MessageTemplateKey } from '@linju/vocabulary';
import { Link } from 'react-router';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { load } from '../lib/route-errors.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/messages';

const PAGE_SIZE = 50;

/** A page of the district's outbox, newest first; the cursor is a time and an id, nothing personal. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const cursor = new URL(request.url).searchParams.get('cursor');
  return load(caller.message.getMany({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }));
}

const channelKey = (c: MessageChannel): MessageKey => `messageChannel.${c}`;
const statusKey = (s: MessageStatus): MessageKey => `messageStatus.${s}`;
const templateKey = (k: string): MessageKey | null =>
  k in TEMPLATE_NAMES ? TEMPLATE_NAMES[k as MessageTemplateKey] : null;
const TEMPLATE_NAMES: Readonly<Record<MessageTemplateKey, MessageKey>> = {
  'intake-receipt': 'messageTemplateName.intake-receipt',
  'appointment-confirmation': 'messageTemplateName.appointment-confirmation',
  'appointment-reminder': 'messageTemplateName.appointment-reminder',
  'appointment-cancelled': 'messageTemplateName.appointment-cancelled',
  'rating-code': 'messageTemplateName.rating-code',
  'partner-link': 'messageTemplateName.partner-link',
  'escalation-to-station-head': 'messageTemplateName.escalation-to-station-head',
  'duty-reminder': 'messageTemplateName.duty-reminder',
  'legal-aid-result': 'messageTemplateName.legal-aid-result',
  'suggestion-answered': 'messageTemplateName.suggestion-answered',
  'verification-code': 'messageTemplateName.verification-code',
  'handler-message': 'messageTemplateName.handler-message',
};

/**
 * 已发消息: what the district's outbox sent, is sending or gave up on — the loop made visible
 * (on `npm start` the demo district's `log` channel marks each one delivered).
 */
export default function Messages({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { items, nextCursor } = loaderData;
  return (
    <>
      <DocumentTitle title={t('messages.title')} tenant={tenant} />
      <h1>{t('messages.title')}</h1>
      <p className="admin-lead">{t('messages.intro')}</p>
      <p>
        <Link to={tenantPaths.messageProviders(tenant.slug)}>{t('messages.providers_link')}</Link>
      </p>
      {items.length === 0 ? (
        <p>{t('messages.empty')}</p>
      ) : (
        <table className="admin-table">
          <caption className="lj-visually-hidden">{t('messages.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('messages.col_time')}</th>
              <th scope="col">{t('messages.col_channel')}</th>
              <th scope="col">{t('messages.col_template')}</th>
              <th scope="col">{t('messages.col_recipient')}</th>
              <th scope="col">{t('messages.col_case')}</th>
              <th scope="col">{t('messages.col_status')}</th>
              <th scope="col">{t('messages.col_attempts')}</th>
              <th scope="col">{t('messages.col_error')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => {
              const template = templateKey(m.templateKey);
              return (
                <tr key={m.id}>
                  <td>
                    <time dateTime={new Date(m.createdAt).toISOString()}>
                      {formatDateTime(locale, m.createdAt)}
                    </time>
                  </td>
                  <td>{t(channelKey(m.channel))}</td>
                  <td>{template ? t(template) : m.templateKey}</td>
                  <td>{m.recipient}</td>
                  <td>
                    {m.caseId && m.caseNumber ? (
                      <Link to={tenantPaths.case(tenant.slug, m.caseId)}>{m.caseNumber}</Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{t(statusKey(m.status))}</td>
                  <td>{formatNumber(locale, m.attempts)}</td>
                  <td>{m.lastError ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {nextCursor ? (
        <nav className="admin-pager" aria-label={t('messages.title')}>
          <Link to={`?cursor=${encodeURIComponent(nextCursor)}`} rel="next">
            {t('messages.more')}
          </Link>
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
