import type { PluginMessageKey } from '@linju/plugin-sdk';
import {
  districtScreen,
  formatDate,
  type ProcedureResult,
  type ScreenIntent,
  type ScreenProps,
} from '@linju/plugin-sdk/admin';
import { Alert, Button, SelectField, TextArea, TextField } from '@linju/ui';
import { Form, Link } from 'react-router';
import type { messages } from '../messages.ts';
import type { library } from '../procedures/library.ts';

type Data = ProcedureResult<typeof library>;
type Key = PluginMessageKey<typeof messages>;
type Props = ScreenProps<Data, Key>;
type Shown = Data['cases'][number];

/** A decision on the proposal shown: its ids go as hidden fields. */
const decision = (name: 'approve' | 'return', fields: Record<string, Key>): ScreenIntent => ({
  procedure: 'decide',
  fields: {
    referenceCaseId: 'reference-cases.decide.approve',
    caseId: 'reference-cases.decide.approve',
    ...fields,
  },
  input: (form) => ({
    caseId: form.caseId,
    referenceCaseId: form.referenceCaseId,
    decision: name,
    ...(name === 'return' ? { reason: form.reason ?? '' } : {}),
  }),
  done: name === 'approve' ? 'approved' : 'returned',
});

/** The library (the manifest's `library` route, in the navigation): filters, a case's page, proposals waiting. */
export const libraryScreen = districtScreen<Data, Key>({
  id: 'library',
  page: 'library',
  intents: {
    approve: decision('approve', {}),
    return: decision('return', { reason: 'reference-cases.decide.reason' }),
  },
  heading: (_data, t) => ({ title: t('reference-cases.library.title') }),
  Component: LibraryPage,
});

function LibraryPage({ data, slug, locale, IntentForm, t, done }: Props) {
  const { filter, services, categories, cases, selected, waiting, approver, unknownArticle } = data;
  const serviceName = (id: string) => services.find((s) => s.id === id)?.name[locale] ?? id;
  // A case's page keeps the filters, so the list beside it stays the one it was picked from.
  const filters = Object.entries(filter).filter(([key, value]) => key !== 'case' && value);
  const listed = (extra: [string, string][] = []) =>
    `/t/${slug}/reference-cases?${new URLSearchParams([...filters, ...extra] as [string, string][])}`;
  const caseLink = (c: Shown) => listed([['case', c.id]]);
  return (
    <>
      {done === 'approved' || done === 'returned' ? (
        <Alert tone="success">
          <p>{t(done === 'approved' ? 'reference-cases.done.approved' : 'reference-cases.done.returned')}</p>
        </Alert>
      ) : null}
      <p>{t('reference-cases.library.intro')}</p>
      {selected ? (
        <article aria-labelledby="case-heading">
          <h2 id="case-heading">{selected.title}</h2>
          <p>
            {serviceName(selected.serviceType)} ·{' '}
            {selected.decidedAt && selected.decidedBy
              ? t('reference-cases.library.approved_by', {
                  name: selected.decidedBy,
                  date: formatDate(locale, selected.decidedAt),
                })
              : t('reference-cases.library.proposed_by', {
                  name: selected.proposedBy,
                  date: formatDate(locale, selected.proposedAt),
                })}
          </p>
          <h3>{t('reference-cases.library.summary')}</h3>
          <p className="admin-prewrap">{selected.summary}</p>
          <h3>{t('reference-cases.library.resolution')}</h3>
          <p className="admin-prewrap">{selected.resolution}</p>
          <h3>{t('reference-cases.library.statutes')}</h3>
          <ul>
            {selected.statutes.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          {approver && selected.status === 'proposed' && selected.sourceCaseId ? (
            <>
              <IntentForm
                intent="approve"
                title={t('reference-cases.decide.approve')}
                submit={t('reference-cases.decide.approve_submit')}
                hidden={{ referenceCaseId: selected.id, caseId: selected.sourceCaseId }}
              >
                {() => null}
              </IntentForm>
              <IntentForm
                intent="return"
                title={t('reference-cases.decide.return')}
                submit={t('reference-cases.decide.return_submit')}
                hidden={{ referenceCaseId: selected.id, caseId: selected.sourceCaseId }}
              >
                {(f) => <TextArea {...f('reason')} label={t('reference-cases.decide.reason')} rows={3} />}
              </IntentForm>
            </>
          ) : null}
          <p>
            <Link to={listed()}>{t('reference-cases.library.back')}</Link>
          </p>
        </article>
      ) : null}
      {approver ? (
        <section aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">{t('reference-cases.library.waiting')}</h2>
          {waiting.length > 0 ? (
            <ul>
              {waiting.map((c) => (
                <li key={c.id}>
                  <Link to={caseLink(c)}>{c.title}</Link> ·{' '}
                  {t('reference-cases.library.proposed_by', {
                    name: c.proposedBy,
                    date: formatDate(locale, c.proposedAt),
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('reference-cases.library.waiting_none')}</p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="found-heading">
        <h2 id="found-heading">{t('reference-cases.library.filters')}</h2>
        <Form method="get" className="lj-form admin-inline-form">
          <SelectField
            name="service"
            id="service"
            label={t('reference-cases.library.service')}
            defaultValue={filter.service ?? ''}
          >
            <option value="">{t('reference-cases.library.any')}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name[locale]}
              </option>
            ))}
          </SelectField>
          <SelectField
            name="category"
            id="category"
            label={t('reference-cases.library.category')}
            defaultValue={filter.category ?? ''}
          >
            <option value="">{t('reference-cases.library.any')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name[locale]}
              </option>
            ))}
          </SelectField>
          <TextField
            name="law"
            id="law"
            label={t('reference-cases.library.law')}
            hint={t('reference-cases.library.law_hint')}
            defaultValue={filter.law ?? ''}
          />
          <TextField
            name="article"
            id="article"
            label={t('reference-cases.library.article')}
            hint={t('reference-cases.library.article_hint')}
            defaultValue={filter.article ?? ''}
          />
          <TextField
            name="text"
            id="text"
            label={t('reference-cases.library.text')}
            defaultValue={filter.text ?? ''}
          />
          <Button type="submit" variant="secondary">
            {t('reference-cases.library.search')}
          </Button>
        </Form>
        {unknownArticle ? <Alert tone="warning">{t('reference-cases.library.unknown_article')}</Alert> : null}
        <p>{t('reference-cases.library.found', { count: cases.length })}</p>
        {cases.length > 0 ? (
          <ul>
            {cases.map((c) => (
              <li key={c.id}>
                <Link to={caseLink(c)}>{c.title}</Link> · {serviceName(c.serviceType)} ·{' '}
                {c.statutes.join('、')}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('reference-cases.library.none')}</p>
        )}
      </section>
    </>
  );
}
