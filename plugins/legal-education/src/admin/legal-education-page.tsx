import type { PluginMessageKey } from '@linju/plugin-sdk';
import {
  formatDate,
  type IntentField,
  type ProcedureResult,
  type ScreenProps,
} from '@linju/plugin-sdk/admin';
import {
  Alert,
  Button,
  Checkbox,
  CsrfField,
  changedView,
  type DataColumn,
  DataTable,
  failureOf,
  pageOf,
  readTableView,
  SelectField,
  type TableChange,
  TextField,
  tableViewParams,
  useTranslate,
} from '@linju/ui';
import { Form, Link, useActionData, useLocation } from 'react-router';
import type { messages } from '../messages.ts';
import type { page } from '../procedures/page.ts';
import { EDUCATION_THEMES, EVENT_TYPE_NAMES, EVENT_TYPES, THEME_NAMES } from '../vocabulary.ts';

type Key = PluginMessageKey<typeof messages>;
export type LegalEducationPageData = ProcedureResult<typeof page>;
type EducationEvent = LegalEducationPageData['events'][number];

/** The events' orders: by the day held (the default, as recorded), or the most attended first. */
const EVENT_SORTS = ['held', 'attendance'] as const;
type Field = (
  name: string,
) => Pick<IntentField, 'name' | 'id' | 'error'> & { defaultValue?: string | undefined };

/**
 * The legal-education page: a unit's events in a month with the form to record one, the event
 * being corrected, and the month's report with the service points that missed their themed day.
 */
export function LegalEducationPage({
  data,
  slug,
  locale,
  IntentForm,
  t,
  done,
}: ScreenProps<LegalEducationPageData, Key>) {
  const { units, unitId, month, today, events, report, editing } = data;
  const platformT = useTranslate();
  const refusedEdit = failureOf(useActionData(), 'edit');
  const view = readTableView(new URLSearchParams(useLocation().search), EVENT_SORTS);
  const listed = (change: TableChange) =>
    `/t/${slug}/legal-education?${new URLSearchParams({
      unit: unitId,
      month,
      ...tableViewParams(changedView(view, change), EVENT_SORTS),
    })}#events-heading`;
  const nameOf = (name: { 'zh-CN': string; en: string }) =>
    locale === 'en' && name.en ? name.en : name['zh-CN'];
  const unitName = (id: string) => {
    const unit = units.find((u) => u.id === id);
    return unit ? nameOf(unit.name) : '';
  };
  const typeLabel = (x: string) => EVENT_TYPE_NAMES[x as keyof typeof EVENT_TYPE_NAMES]?.[locale] ?? x;
  const themeLabel = (x: string) => THEME_NAMES[x as keyof typeof THEME_NAMES]?.[locale] ?? x;
  const editField: Field = (name) => {
    const key = refusedEdit?.errors.fields[name];
    return {
      name,
      id: `edit-${name}`,
      error: key ? platformT(key, refusedEdit?.errors.params) : undefined,
      defaultValue: refusedEdit?.values[name],
    };
  };
  const column = (
    key: string,
    label: Key,
    cell: DataColumn<EducationEvent>['cell'],
    sort?: DataColumn<EducationEvent>['sort'],
  ): DataColumn<EducationEvent> => ({ key, label: t(label), cell, ...(sort ? { sort } : {}) });
  const eventColumns = [
    column('held', 'legal-education.page.held_on', (e) => formatDate(locale, e.heldOn), {
      key: 'held',
      direction: 'ascending',
    }),
    column(
      'title',
      'legal-education.page.event_title',
      (e) =>
        `${e.title}${e.themedDay ? `（${t('legal-education.page.themed_day')}）` : ''}${e.campaign ? ` · ${e.campaign}` : ''}`,
    ),
    column('type', 'legal-education.page.event_type', (e) => typeLabel(e.eventType)),
    column('theme', 'legal-education.page.theme', (e) => themeLabel(e.theme)),
    column('venue', 'legal-education.page.venue', (e) => `${e.venue} · ${unitName(e.organisationId)}`),
    column('audience', 'legal-education.page.audience', (e) => e.audience),
    column('attendance', 'legal-education.page.attendance', (e) => e.attendance, {
      key: 'attendance',
      direction: 'descending',
    }),
    column('materials', 'legal-education.page.materials', (e) => e.materials),
    column('actions', 'legal-education.page.actions', (e) => (
      <Link
        to={`/t/${slug}/legal-education?unit=${unitId}&month=${month}&edit=${e.id}#edit-heading`}
        aria-label={t('legal-education.page.edit_named', { title: e.title })}
      >
        {t('legal-education.page.edit')}
      </Link>
    )),
  ];
  /** The fields of an event, filled with what was typed, else `defaults`; the unit only for a new one. */
  const eventFields = (f: Field, defaults: Record<string, string>, withUnit = true) => {
    const value = (name: string) => f(name).defaultValue ?? defaults[name];
    const field = (name: string) => ({ ...f(name), defaultValue: value(name) });
    return (
      <>
        {withUnit ? (
          <SelectField {...field('organisationId')} label={t('legal-education.page.unit')}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {nameOf(u.name)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField {...field('title')} label={t('legal-education.page.event_title')} />
        <TextField {...field('heldOn')} type="date" label={t('legal-education.page.held_on')} />
        <SelectField {...field('eventType')} label={t('legal-education.page.event_type')}>
          {EVENT_TYPES.map((x) => (
            <option key={x} value={x}>
              {typeLabel(x)}
            </option>
          ))}
        </SelectField>
        <SelectField {...field('theme')} label={t('legal-education.page.theme')}>
          {EDUCATION_THEMES.map((x) => (
            <option key={x} value={x}>
              {themeLabel(x)}
            </option>
          ))}
        </SelectField>
        <TextField {...field('venue')} label={t('legal-education.page.venue')} />
        <TextField
          {...field('audience')}
          label={t('legal-education.page.audience')}
          hint={t('legal-education.page.audience_hint')}
        />
        <TextField
          {...field('attendance')}
          inputMode="numeric"
          label={t('legal-education.page.attendance')}
        />
        <TextField {...field('materials')} inputMode="numeric" label={t('legal-education.page.materials')} />
        <TextField
          {...field('campaign')}
          label={t('legal-education.page.campaign')}
          hint={t('legal-education.page.campaign_hint')}
        />
        <Checkbox
          name="themedDay"
          id={f('themedDay').id}
          label={t('legal-education.page.themed_day_tick')}
          defaultChecked={defaults.themedDay === 'on'}
        />
      </>
    );
  };

  return (
    <>
      {done ? (
        <Alert tone="success">
          <p>{t(done === 'edit' ? 'legal-education.page.done_edit' : 'legal-education.page.done')}</p>
        </Alert>
      ) : null}
      <Form method="get" className="lj-form admin-inline-form">
        <SelectField name="unit" id="unit" label={t('legal-education.page.unit')} defaultValue={unitId}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {nameOf(u.name)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="month"
          id="month"
          type="month"
          label={t('legal-education.page.month')}
          defaultValue={month}
        />
        <Button type="submit" variant="secondary">
          {t('legal-education.page.show')}
        </Button>
      </Form>

      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{t('legal-education.page.events', { unit: unitName(unitId) })}</h2>
        <DataTable
          columns={eventColumns}
          rows={pageOf(
            view.sort === 'attendance' ? [...events].sort((x, y) => y.attendance - x.attendance) : events,
            view,
          )}
          rowKey={(e) => e.id}
          view={view}
          total={{ count: events.length, capped: false }}
          empty={t('legal-education.page.no_events')}
          to={listed}
          tableClassName="admin-table"
        />
        <IntentForm
          intent="event"
          title={t('legal-education.page.record')}
          submit={t('legal-education.page.record_submit')}
          hidden={{ unit: unitId }}
        >
          {(f) => eventFields(f, { organisationId: unitId, heldOn: today, materials: '0' })}
        </IntentForm>
      </section>

      {editing || refusedEdit ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">
            {t('legal-education.page.edit_title', {
              title: editing?.title ?? refusedEdit?.values.title ?? '',
            })}
          </h2>
          {/* Open on the page: the link to correct an event lands on this form. */}
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="edit" />
            <input type="hidden" name="id" value={editing?.id ?? refusedEdit?.values.id ?? ''} />
            <input type="hidden" name="unit" value={unitId} />
            <input
              type="hidden"
              name="organisationId"
              value={editing?.organisationId ?? refusedEdit?.values.organisationId ?? ''}
            />
            {refusedEdit && refusedEdit.errors.form.length > 0 ? (
              <Alert tone="error">
                {refusedEdit.errors.form.map((message) => (
                  <p key={message}>{platformT(message, refusedEdit.errors.params)}</p>
                ))}
              </Alert>
            ) : null}
            {eventFields(
              editField,
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
            <Button type="submit">{t('legal-education.page.edit_submit')}</Button>
          </Form>
        </section>
      ) : null}

      {report ? (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading">{t('legal-education.page.report')}</h2>
          <p>
            {t('legal-education.page.totals', {
              events: report.totals.events,
              attendance: report.totals.attendance,
              materials: report.totals.materials,
            })}
          </p>
          <table className="admin-table">
            <caption>{t('legal-education.page.by_theme')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('legal-education.page.theme')}</th>
                <th scope="col">{t('legal-education.page.count')}</th>
                <th scope="col">{t('legal-education.page.attendance')}</th>
                <th scope="col">{t('legal-education.page.materials')}</th>
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
              <caption>{t('legal-education.page.by_campaign')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('legal-education.page.campaign')}</th>
                  <th scope="col">{t('legal-education.page.count')}</th>
                  <th scope="col">{t('legal-education.page.attendance')}</th>
                  <th scope="col">{t('legal-education.page.materials')}</th>
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
          <h3>{t('legal-education.page.missing_themed_days')}</h3>
          {report.missingThemedDays.length > 0 ? (
            <ul>
              {report.missingThemedDays.map((m) => (
                <li key={`${m.organisationId}-${m.month}`}>
                  {unitName(m.organisationId)} · {m.month}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('legal-education.page.all_themed_days')}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
