import { formatDateTime } from '@linju/i18n';
import { Alert, Button, Fieldset, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { formText } from '../lib/form-data.ts';
import { sectionsFromRows } from '../lib/inspections.ts';
import { allowsTenantWide, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf, rejectIntent, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/inspection-checklist';

/** Blank rows after the current items, to add items without JavaScript. */
const BLANK_ROWS = 5;

/**
 * The district's inspection checklist: items with maximum scores, grouped by section. Saving
 * makes a new version; inspections already recorded keep the version they were scored on.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const [{ checklist, versions }, organisations] = await Promise.all([
    load(caller.inspection.checklist.get({})),
    load(caller.organisation.getMany()),
  ]);
  const done = new URL(request.url).searchParams.get('done');
  return {
    checklist,
    versions,
    canEdit: allowsTenantWide(grants, 'inspection.checklist.manage', parentMap(organisations)),
    done: done === 'saved' ? done : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const count = Math.min(Number(formText(form, 'rows')) || 0, 200);
  const rows = Array.from({ length: count }, (_, i) => ({
    section: formText(form, `section-${i}`),
    text: formText(form, `text-${i}`),
    max: formText(form, `max-${i}`),
  }));
  const values: Record<string, string> = { title: formText(form, 'title').trim(), rows: String(count) };
  rows.forEach((row, i) => {
    values[`section-${i}`] = row.section;
    values[`text-${i}`] = row.text;
    values[`max-${i}`] = row.max;
  });
  const { sections, errors } = sectionsFromRows(rows);
  if (!values.title) errors.title = 'validation.required';
  if (Object.keys(errors).length > 0)
    return rejectIntent('save', { status: 400, errors: { form: [], fields: errors } }, values);
  if (sections.length === 0)
    return rejectIntent(
      'save',
      { status: 400, errors: { form: ['inspection.checklist_empty'], fields: {} } },
      values,
    );
  try {
    await caller.inspection.checklist.save({ title: values.title ?? '', sections });
    return redirect(`${tenantPaths.inspectionChecklist(slug)}?done=saved`);
  } catch (error) {
    return rejectIntentApiError('save', error, { fields: ['title'] }, values);
  }
}

export default function InspectionChecklist({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { checklist, versions, canEdit } = loaderData;
  const failure = failureOf(actionData, 'save');
  const values = failure?.values;
  const errorOf = useFieldError(failure?.errors);
  const current = (checklist?.sections ?? []).flatMap((section) =>
    section.items.map((item) => ({ section: section.title, text: item.text, max: String(item.maxScore) })),
  );
  const count = values ? Number(values.rows) : current.length + BLANK_ROWS;
  const rows = Array.from({ length: count }, (_, i) =>
    values
      ? {
          section: values[`section-${i}`] ?? '',
          text: values[`text-${i}`] ?? '',
          max: values[`max-${i}`] ?? '',
        }
      : (current[i] ?? { section: current.at(-1)?.section ?? '', text: '', max: '' }),
  );
  const saved = !failure && loaderData.done === 'saved';
  return (
    <>
      <DocumentTitle title={t('checklist.title')} tenant={tenant} />
      <FormErrorSummary
        errors={failure?.errors}
        fields={[
          { name: 'title', label: t('checklist.name'), id: 'checklist-title' },
          ...rows.flatMap((_, i) => [
            {
              name: `section-${i}`,
              label: t('checklist.section_n', { n: i + 1 }),
              id: `checklist-section-${i}`,
            },
            { name: `text-${i}`, label: t('checklist.item_n', { n: i + 1 }), id: `checklist-text-${i}` },
            { name: `max-${i}`, label: t('checklist.max_n', { n: i + 1 }), id: `checklist-max-${i}` },
          ]),
        ]}
      />
      {saved ? (
        <Alert tone="success">
          <p>{t('checklist.done_saved')}</p>
        </Alert>
      ) : null}
      <p>
        <Link to={tenantPaths.inspections(tenant.slug)}>{t('inspections.back')}</Link>
      </p>
      <h1>{t('checklist.title')}</h1>
      <p className="admin-lead">{t('checklist.intro')}</p>
      {checklist ? (
        <p>{t('checklist.current', { version: checklist.version, max: checklist.maxScore })}</p>
      ) : (
        <p>{t('inspections.no_checklist')}</p>
      )}
      {canEdit ? (
        <Form method="post" className="lj-form" noValidate>
          <CsrfField />
          <input type="hidden" name="rows" value={rows.length} />
          <TextField
            id="checklist-title"
            name="title"
            label={t('checklist.name')}
            defaultValue={values?.title ?? checklist?.title ?? ''}
            error={errorOf('title')}
            maxLength={80}
            required
          />
          <Fieldset legend={t('checklist.items')} hint={t('checklist.items_hint')}>
            {rows.map((row, i) => (
              <div key={i} className="admin-field-row">
                <TextField
                  id={`checklist-section-${i}`}
                  name={`section-${i}`}
                  label={t('checklist.section_n', { n: i + 1 })}
                  defaultValue={row.section}
                  error={errorOf(`section-${i}`)}
                  maxLength={80}
                />
                <TextField
                  id={`checklist-text-${i}`}
                  name={`text-${i}`}
                  label={t('checklist.item_n', { n: i + 1 })}
                  defaultValue={row.text}
                  error={errorOf(`text-${i}`)}
                  maxLength={300}
                />
                <TextField
                  id={`checklist-max-${i}`}
                  name={`max-${i}`}
                  inputMode="decimal"
                  label={t('checklist.max_n', { n: i + 1 })}
                  defaultValue={row.max}
                  error={errorOf(`max-${i}`)}
                  className="admin-field--short"
                />
              </div>
            ))}
          </Fieldset>
          <Button type="submit">{t('checklist.save')}</Button>
        </Form>
      ) : (
        checklist?.sections.map((section) => (
          <section key={section.title}>
            <h2>{section.title}</h2>
            <ul className="admin-list">
              {section.items.map((item) => (
                <li key={item.id}>
                  {item.id} {item.text} ({t('checklist.points', { max: item.maxScore })})
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      <h2>{t('checklist.versions')}</h2>
      <ul className="admin-list">
        {versions.map((v) => (
          <li key={v.id}>
            {t('checklist.version_line', { version: v.version, title: v.title, max: v.maxScore })}{' '}
            <span className="admin-muted">{formatDateTime(locale, v.createdAt)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
