import { formatDate, type MessageKey } from '@linju/i18n';
import { Alert, Button, Checkbox, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect, useLocation } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary } from '../components/form-errors.tsx';
import { IntentForm } from '../components/intent-form.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { monthPeriod, optionLabel, parseCount } from '../lib/core-services.ts';
import { formText } from '../lib/form-data.ts';
import { organisationName } from '../lib/organisation-tree.ts';
import { load } from '../lib/route-errors.ts';
import type { ServiceFormField } from '../lib/service-form.ts';
import {
  type failureOf,
  rejectIntent,
  rejectIntentApiError,
  rejectUnknownIntent,
} from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/legal-education';

const UNIT_KINDS: readonly string[] = ['centre', 'station', 'room', 'service-point'];
const EVENT_TYPES = [
  'lecture',
  'campaign',
  'into-worksites',
  'into-firms',
  'into-communities',
  'into-markets',
];
const THEMES = [
  'xi-rule-of-law-thought',
  'constitution',
  'civil-code',
  'labour-wages',
  'anti-fraud',
  'minors',
  'elderly',
  'other',
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const url = new URL(request.url);
  const organisations = await load(caller.organisation.getMany());
  const units = organisations
    .filter((o) => UNIT_KINDS.includes(o.kind) && !o.closedAt)
    .map((o) => ({
      id: o.id,
      kind: o.kind,
      nameZh: organisationName(o, 'zh-CN'),
      nameEn: organisationName(o, 'en'),
    }));
  const asked = url.searchParams.get('unit') ?? '';
  const unitId = units.some((u) => u.id === asked)
    ? asked
    : (units.find((u) => u.kind === 'centre')?.id ?? units[0]?.id ?? '');
  const today = todayIn();
  const month = /^\d{4}-\d{2}$/.test(url.searchParams.get('month') ?? '')
    ? (url.searchParams.get('month') as string)
    : today.slice(0, 7);
  const period = monthPeriod(month) ?? (monthPeriod(today.slice(0, 7)) as { from: string; to: string });
  if (!unitId)
    return {
      units,
      unitId,
      month,
      today,
      events: [],
      report: null,
      form: [] as ServiceFormField[],
      editing: null,
    };
  const [events, report, catalogue] = await Promise.all([
    load(caller.legalEducation.event.getMany({ organisationId: unitId, period })),
    load(caller.legalEducation.report({ organisationId: unitId, period })),
    load(caller.catalogue.getMany({ organisationId: unitId })),
  ]);
  const form = (catalogue.find((s) => s.pluginId === 'legal-education')?.form ?? []) as ServiceFormField[];
  const editId = url.searchParams.get('edit');
  const editing = events.find((e) => e.id === editId) ?? null;
  return { units, unitId, month, today, events, report, form, editing };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const text = (name: string) => formText(form, name).trim();
  if (intent !== 'event' && intent !== 'edit') {
    return rejectUnknownIntent(intent);
  }
  const values = {
    organisationId: text('organisationId'),
    heldOn: text('heldOn'),
    eventType: text('eventType'),
    theme: text('theme'),
    title: text('title'),
    venue: text('venue'),
    audience: text('audience'),
    attendance: text('attendance'),
    materials: text('materials'),
    campaign: text('campaign'),
  };
  const attendance = parseCount(values.attendance);
  const materials = values.materials ? parseCount(values.materials) : 0;
  const bad = attendance === undefined ? 'attendance' : materials === undefined ? 'materials' : null;
  if (bad) {
    return rejectIntent(
      intent,
      { status: 400, errors: { form: [], fields: { [bad]: 'validation.out_of_range' } } },
      values,
    );
  }
  const data = {
    heldOn: values.heldOn,
    // Checked by the API's schema, which names a wrong one at the field.
    eventType: values.eventType as 'lecture',
    theme: values.theme as 'constitution',
    title: values.title,
    venue: values.venue,
    audience: values.audience,
    attendance: attendance ?? 0,
    materials: materials ?? 0,
    ...(values.campaign ? { campaign: values.campaign } : {}),
    themedDay: form.get('themedDay') === 'on',
  };
  const unit = text('unit') || values.organisationId;
  try {
    if (intent === 'edit') {
      await caller.legalEducation.event.update({
        id: text('id'),
        organisationId: values.organisationId,
        data,
      });
    } else {
      await caller.legalEducation.event.create({ organisationId: values.organisationId, ...data });
    }
    const month = values.heldOn.slice(0, 7);
    return redirect(`${tenantPaths.legalEducation(slug)}?unit=${unit}&month=${month}&done=${intent}`);
  } catch (error) {
    return rejectIntentApiError(
      intent,
      error,
      { fields: [...Object.keys(values), 'themedDay'], pathPrefix: 'data' },
      { ...values, id: text('id') },
    );
  }
}

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  organisationId: 'educationPage.unit',
  heldOn: 'educationPage.held_on',
  eventType: 'educationPage.event_type',
  theme: 'educationPage.theme',
  title: 'educationPage.event_title',
  venue: 'educationPage.venue',
  audience: 'educationPage.audience',
  attendance: 'educationPage.attendance',
  materials: 'educationPage.materials',
  campaign: 'educationPage.campaign',
  themedDay: 'educationPage.themed_day',
};

export default function LegalEducationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const location = useLocation();
  const { tenant } = useTenantShell();
  const { units, unitId, month, today, events, report, form, editing } = loaderData;
  const failure =
    actionData && 'errors' in actionData ? (actionData as ReturnType<typeof failureOf>) : undefined;
  // What was typed into a refused form, to fill it in again.
  const again = (intent: string, name: string) =>
    failure?.intent === intent ? failure.values[name] : undefined;
  const done = new URLSearchParams(location.search).get('done');
  const unitName = (id: string) => {
    const u = units.find((x) => x.id === id);
    return u ? (locale === 'en' ? u.nameEn : u.nameZh) : '';
  };
  const typeLabel = (x: string) => optionLabel(form, 'eventType', x, locale);
  const themeLabel = (x: string) => optionLabel(form, 'themes', x, locale);
  const summaryFields = failure
    ? Object.keys(failure.errors.fields).map((name) => ({
        name,
        label: t(FIELD_LABELS[name] ?? 'educationPage.event_title'),
        id: `${failure.intent}-${name}`,
      }))
    : [];
  const editField = (name: string) => {
    const key = failure?.intent === 'edit' ? failure.errors.fields[name] : undefined;
    return { name, id: `edit-${name}`, error: key ? t(key, failure?.errors.params) : undefined };
  };
  /** The fields of an event, filled with what was typed, else `defaults`; the unit only for a new one. */
  const eventFields = (
    f: (name: string) => { name: string; id: string; error: string | undefined },
    typed: (name: string) => string | undefined,
    defaults: Record<string, string>,
    withUnit = true,
  ) => {
    const value = (name: string) => typed(name) ?? defaults[name];
    return (
      <>
        {withUnit ? (
          <SelectField
            {...f('organisationId')}
            label={t('educationPage.unit')}
            defaultValue={value('organisationId')}
          >
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {locale === 'en' ? u.nameEn : u.nameZh}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField {...f('title')} label={t('educationPage.event_title')} defaultValue={value('title')} />
        <TextField
          {...f('heldOn')}
          type="date"
          label={t('educationPage.held_on')}
          defaultValue={value('heldOn')}
        />
        <SelectField
          {...f('eventType')}
          label={t('educationPage.event_type')}
          defaultValue={value('eventType')}
        >
          {EVENT_TYPES.map((x) => (
            <option key={x} value={x}>
              {typeLabel(x)}
            </option>
          ))}
        </SelectField>
        <SelectField {...f('theme')} label={t('educationPage.theme')} defaultValue={value('theme')}>
          {THEMES.map((x) => (
            <option key={x} value={x}>
              {themeLabel(x)}
            </option>
          ))}
        </SelectField>
        <TextField {...f('venue')} label={t('educationPage.venue')} defaultValue={value('venue')} />
        <TextField
          {...f('audience')}
          label={t('educationPage.audience')}
          hint={t('educationPage.audience_hint')}
          defaultValue={value('audience')}
        />
        <TextField
          {...f('attendance')}
          inputMode="numeric"
          label={t('educationPage.attendance')}
          defaultValue={value('attendance')}
        />
        <TextField
          {...f('materials')}
          inputMode="numeric"
          label={t('educationPage.materials')}
          defaultValue={value('materials')}
        />
        <TextField
          {...f('campaign')}
          label={t('educationPage.campaign')}
          hint={t('educationPage.campaign_hint')}
          defaultValue={value('campaign')}
        />
        <Checkbox
          name="themedDay"
          id={`${f('themedDay').id}`}
          label={t('educationPage.themed_day_tick')}
          defaultChecked={defaults.themedDay === 'on'}
        />
      </>
    );
  };

  return (
    <>
      <DocumentTitle title={t('educationPage.title')} tenant={tenant} />
      <FormErrorSummary errors={failure?.errors} fields={summaryFields} />
      {done && !failure ? (
        <Alert tone="success">
          <p>{t(done === 'edit' ? 'educationPage.done_edit' : 'educationPage.done')}</p>
        </Alert>
      ) : null}
      <h1>{t('educationPage.title')}</h1>
      <Form method="get" className="lj-form admin-inline-form">
        <SelectField name="unit" id="unit" label={t('educationPage.unit')} defaultValue={unitId}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {locale === 'en' ? u.nameEn : u.nameZh}
            </option>
          ))}
        </SelectField>
        <TextField
          name="month"
          id="month"
          type="month"
          label={t('educationPage.month')}
          defaultValue={month}
        />
        <Button type="submit" variant="secondary">
          {t('educationPage.show')}
        </Button>
      </Form>

      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{t('educationPage.events', { unit: unitName(unitId) })}</h2>
        {events.length > 0 ? (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('educationPage.held_on')}</th>
                <th scope="col">{t('educationPage.event_title')}</th>
                <th scope="col">{t('educationPage.event_type')}</th>
                <th scope="col">{t('educationPage.theme')}</th>
                <th scope="col">{t('educationPage.venue')}</th>
                <th scope="col">{t('educationPage.audience')}</th>
                <th scope="col">{t('educationPage.attendance')}</th>
                <th scope="col">{t('educationPage.materials')}</th>
                <th scope="col">{t('educationPage.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(locale, e.heldOn)}</td>
                  <td>
                    {e.title}
                    {e.themedDay ? `（${t('educationPage.themed_day')}）` : ''}
                    {e.campaign ? ` · ${e.campaign}` : ''}
                  </td>
                  <td>{typeLabel(e.eventType)}</td>
                  <td>{themeLabel(e.theme)}</td>
                  <td>
                    {e.venue} · {unitName(e.organisationId)}
                  </td>
                  <td>{e.audience}</td>
                  <td>{e.attendance}</td>
                  <td>{e.materials}</td>
                  <td>
                    <Link
                      to={`${tenantPaths.legalEducation(tenant.slug)}?unit=${unitId}&month=${month}&edit=${e.id}#edit-heading`}
                      aria-label={t('educationPage.edit_named', { title: e.title })}
                    >
                      {t('educationPage.edit')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('educationPage.no_events')}</p>
        )}
        <IntentForm
          intent="event"
          title={t('educationPage.record')}
          failure={failure}
          submit={t('educationPage.record_submit')}
          hidden={{ unit: unitId }}
        >
          {(f) =>
            eventFields(f, (name) => again('event', name), {
              organisationId: unitId,
              heldOn: today,
              materials: '0',
            })
          }
        </IntentForm>
      </section>

      {editing || failure?.intent === 'edit' ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">
            {t('educationPage.edit_title', { title: editing?.title ?? again('edit', 'title') ?? '' })}
          </h2>
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="edit" />
            <input type="hidden" name="id" value={editing?.id ?? again('edit', 'id') ?? ''} />
            <input type="hidden" name="unit" value={unitId} />
            <input
              type="hidden"
              name="organisationId"
              value={editing?.organisationId ?? again('edit', 'organisationId') ?? ''}
            />
            {failure?.intent === 'edit' && failure.errors.form.length > 0 ? (
              <Alert tone="error">
                {failure.errors.form.map((message) => (
                  <p key={message}>{t(message, failure.errors.params)}</p>
                ))}
              </Alert>
            ) : null}
            {eventFields(
              editField,
              (name) => (failure?.intent === 'edit' ? again('edit', name) : undefined),
              editing
                ? {
                    heldOn: editing.heldOn,
                    eventType: editing.eventType,
                    theme: editing.theme,
                    title: editing.title,
                    venue: editing.venue,
                    audience: editing.audience,
                    attendance: String(editing.attendance),
                    materials: String(editing.materials),
                    campaign: editing.campaign ?? '',
                    themedDay: editing.themedDay ? 'on' : '',
                  }
                : {},
              false,
            )}
            <Button type="submit">{t('educationPage.edit_submit')}</Button>
          </Form>
        </section>
      ) : null}

      {report ? (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading">{t('educationPage.report')}</h2>
          <p>
            {t('educationPage.totals', {
              events: report.totals.events,
              attendance: report.totals.attendance,
              materials: report.totals.materials,
            })}
          </p>
          <table className="admin-table">
            <caption>{t('educationPage.by_theme')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('educationPage.theme')}</th>
                <th scope="col">{t('educationPage.count')}</th>
                <th scope="col">{t('educationPage.attendance')}</th>
                <th scope="col">{t('educationPage.materials')}</th>
              </tr>
            </thead>
            <tbody>
              {report.byTheme.map((row) => (
                <tr key={row.theme}>
                  <th scope="row">{themeLabel(row.theme)}</th>
                  <td>{row.events}</td>
                  <td>{row.attendance}</td>
                  <td>{row.materials}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.byCampaign.length > 0 ? (
            <table className="admin-table">
              <caption>{t('educationPage.by_campaign')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('educationPage.campaign')}</th>
                  <th scope="col">{t('educationPage.count')}</th>
                  <th scope="col">{t('educationPage.attendance')}</th>
                  <th scope="col">{t('educationPage.materials')}</th>
                </tr>
              </thead>
              <tbody>
                {report.byCampaign.map((row) => (
                  <tr key={row.campaign}>
                    <th scope="row">{row.campaign}</th>
                    <td>{row.events}</td>
                    <td>{row.attendance}</td>
                    <td>{row.materials}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <h3>{t('educationPage.missing_themed_days')}</h3>
          {report.missingThemedDays.length > 0 ? (
            <ul>
              {report.missingThemedDays.map((m) => (
                <li key={`${m.organisationId}-${m.month}`}>
                  {unitName(m.organisationId)} · {m.month}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('educationPage.all_themed_days')}</p>
          )}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
