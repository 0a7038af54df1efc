import { formatDateTime } from '@linju/i18n';
import {
  Alert,
  changedView,
  type DataColumn,
  DataTable,
  IntentForm,
  readTableView,
  type TableChange,
  TextArea,
  tableViewParams,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { Link } from 'react-router';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { publicSitePaths } from '../lib/public-site-paths.ts';
import { load } from '../lib/route-errors.ts';
import { SUGGESTION_STATUS_LABEL, SUGGESTION_TOPIC_LABEL } from '../lib/suggestions.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/suggestions';

const SORTS = ['newest'] as const;

/** 便民信箱: the residents' messages newest first; `?id=` opens the answer form for one of the page. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const search = new URL(request.url).searchParams;
  const view = readTableView(search, SORTS);
  const { suggestions, total } = await load(caller.suggestion.getMany({ page: view.page, size: view.size }));
  const chosen = suggestions.find((s) => s.id === search.get('id') && s.status === 'open') ?? null;
  return { view, suggestions, total, chosen, done: search.get('done') === 'answered' };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  return intentAction(
    request,
    {
      answer: intent({
        fields: ['answer'],
        keep: ['id'],
        required: ['answer'],
        run: async (values) => {
          await caller.suggestion.answer({
            id: values.id,
            answer: values.answer,
            link: publicSitePaths.suggestions(slug),
          });
        },
      }),
    },
    { done: () => `${tenantPaths.suggestions(slug)}?done=answered` },
  );
}

type Row = Route.ComponentProps['loaderData']['suggestions'][number];

export default function Suggestions({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { view, suggestions, total, chosen, done } = loaderData;
  const listed = (change: TableChange, extra: Record<string, string> = {}) =>
    `${tenantPaths.suggestions(tenant.slug)}?${new URLSearchParams({
      ...tableViewParams(changedView(view, change), SORTS),
      ...extra,
    })}`;
  const columns: DataColumn<Row>[] = [
    {
      key: 'time',
      label: t('suggestion.col_time'),
      rowHeader: true,
      cell: (s) => (
        <time dateTime={new Date(s.createdAt).toISOString()}>{formatDateTime(locale, s.createdAt)}</time>
      ),
    },
    { key: 'topic', label: t('suggestion.col_topic'), cell: (s) => t(SUGGESTION_TOPIC_LABEL[s.topic]) },
    {
      key: 'body',
      label: t('suggestion.col_body'),
      cell: (s) => <span className="admin-prewrap">{s.body}</span>,
    },
    {
      key: 'reply',
      label: t('suggestion.col_reply'),
      cell: (s) =>
        [
          s.replyPhoneMasked
            ? t('suggestion.reply_sms', { phone: s.replyPhoneMasked })
            : t('suggestion.reply_none'),
          s.public ? t('suggestion.public') : null,
        ]
          .filter(Boolean)
          .join(' · '),
    },
    { key: 'status', label: t('suggestion.col_status'), cell: (s) => t(SUGGESTION_STATUS_LABEL[s.status]) },
    {
      key: 'answer',
      label: t('suggestion.col_answer'),
      cell: (s) =>
        s.answer !== null ? (
          <span className="admin-prewrap">{s.answer}</span>
        ) : (
          <Link to={`${listed({}, { id: s.id })}#answer`}>{t('suggestion.answer_submit')}</Link>
        ),
    },
  ];
  return (
    <>
      <DocumentTitle title={t('suggestion.title')} tenant={tenant} />
      <h1>{t('suggestion.title')}</h1>
      <p className="admin-lead">{t('suggestion.intro')}</p>
      {done ? <Alert tone="success">{t('suggestion.done_answered')}</Alert> : null}
      {chosen ? (
        <section id="answer" aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t('suggestion.answer_heading')}</h2>
          <blockquote className="admin-prewrap">{chosen.body}</blockquote>
          <IntentForm
            intent="answer"
            title={t('suggestion.answer_submit')}
            submit={t('suggestion.answer_submit')}
            hidden={{ id: chosen.id }}
          >
            {(field) => (
              <TextArea {...field('answer')} label={t('suggestion.answer_label')} maxLength={2000} required />
            )}
          </IntentForm>
        </section>
      ) : null}
      <DataTable
        columns={columns}
        rows={suggestions}
        rowKey={(s) => s.id}
        view={view}
        total={total}
        empty={t('suggestion.empty')}
        to={(change) => listed(change)}
      />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
