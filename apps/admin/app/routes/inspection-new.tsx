import type { MessageKey } from '@linju/i18n';
import { Alert, Button, Checkbox, Fieldset, TextArea, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { isIsoDate, todayIn } from '../lib/advisers.ts';
import { localFailure } from '../lib/api-errors.ts';
import { formText } from '../lib/form-data.ts';
import { parseScore } from '../lib/inspections.ts';
import { organisationOptions } from '../lib/organisation-rules.ts';
import { isOpenNetworkUnit, organisationRow } from '../lib/organisation-tree.ts';
import { load } from '../lib/route-errors.ts';
import { failureOf, type IntentFailure, rejectIntent, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/inspection-new';

/** Blank rectification rows the form offers; an inspection rarely sets more at once. */
const RECTIFICATION_ROWS = 3;

/** 检查组评议: an inspection team's scores for a service point on the current checklist. */
export async function loader({ context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const [organisations, { checklist }, inspectors] = await Promise.all([
    load(caller.organisation.getMany()),
    load(caller.inspection.checklist.get({})),
    load(caller.inspection.getInspectors()),
  ]);
  const units = organisations.filter((row) => isOpenNetworkUnit(row));
  return {
    checklist,
    inspectors,
    units: units.map(organisationRow),
    today: todayIn(),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const checklistId = formText(form, 'checklistId');
  const { checklist } = await load(caller.inspection.checklist.get({ id: checklistId || null }));
  if (!checklist)
    return rejectIntent('record', {
      status: 400,
      errors: { form: ['inspection.checklist_not_found'], fields: {} },
    });
  const items = checklist.sections.flatMap((section) => section.items);
  const values: Record<string, string> = {
    organisationId: formText(form, 'organisationId'),
    inspectedOn: formText(form, 'inspectedOn').trim(),
    findings: formText(form, 'findings').trim(),
    inspectorIds: form
      .getAll('inspectorIds')
      .filter((v) => typeof v === 'string')
      .join(','),
  };
  for (const item of items) {
    values[`score-${item.id}`] = formText(form, `score-${item.id}`).trim();
    values[`remark-${item.id}`] = formText(form, `remark-${item.id}`).trim();
  }
  for (let i = 0; i < RECTIFICATION_ROWS; i++) {
    values[`rect-${i}`] = formText(form, `rect-${i}`).trim();
    values[`due-${i}`] = formText(form, `due-${i}`).trim();
  }
  const local: Record<string, MessageKey | undefined> = {
    organisationId: values.organisationId ? undefined : 'validation.required',
    inspectedOn: isIsoDate(values.inspectedOn ?? '') ? undefined : 'validation.date_invalid',
    inspectorIds: values.inspectorIds ? undefined : 'inspection.inspectors_required',
  };
  for (const item of items) {
    const score = parseScore(values[`score-${item.id}`] ?? '');
    if (score === undefined) local[`score-${item.id}`] = 'inspection.score_invalid';
    else if (score > item.maxScore) local[`score-${item.id}`] = 'inspection.score_out_of_bounds';
  }
  for (let i = 0; i < RECTIFICATION_ROWS; i++)
    if (values[`rect-${i}`] && !isIsoDate(values[`due-${i}`] ?? ''))
      local[`due-${i}`] = 'validation.date_invalid';
  const failure = localFailure(local);
  const fields = Object.keys(values);
  if (failure) return rejectIntent('record', failure, values);
  try {
    const created = await caller.inspection.create({
      organisationId: values.organisationId ?? '',
      checklistId: checklist.id,
      inspectedOn: values.inspectedOn ?? '',
      inspectorIds: (values.inspectorIds ?? '').split(',').filter(Boolean),
      scores: items.map((item) => ({
        itemId: item.id,
        score: parseScore(values[`score-${item.id}`] ?? '') ?? 0,
        remark: values[`remark-${item.id}`] ?? '',
      })),
      findings: values.findings ?? '',
      rectifications: Array.from({ length: RECTIFICATION_ROWS }, (_, i) => ({
        description: values[`rect-${i}`] ?? '',
        dueOn: values[`due-${i}`] ?? '',
      })).filter((r) => r.description),
    });
    return redirect(`${tenantPaths.inspection(slug, created.id)}?done=recorded`);
  } catch (error) {
    const fieldForPath = Object.fromEntries(items.map((item) => [`scores.${item.id}`, `score-${item.id}`]));
    return rejectIntentApiError('record', error, { fields, fieldForPath }, values);
  }
}

export default function InspectionNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { checklist, inspectors, units, today } = loaderData;
  const failure = failureOf(actionData, 'record') as IntentFailure | undefined;
  const values = failure?.values ?? {};
  const errorOf = useFieldError(failure?.errors);
  if (!checklist)
    return (
      <>
        <DocumentTitle title={t('inspections.record')} tenant={tenant} />
        <h1>{t('inspections.record')}</h1>
        <Alert tone="warning">
          <p>{t('inspections.no_checklist')}</p>
        </Alert>
        <p>
          <Link to={tenantPaths.inspectionChecklist(tenant.slug)}>{t('inspections.edit_checklist')}</Link>
        </p>
      </>
    );
  const items = checklist.sections.flatMap((section) => section.items);
  const chosen = new Set((values.inspectorIds ?? '').split(','));
  return (
    <>
      <DocumentTitle title={t('inspections.record')} tenant={tenant} />
      <FormErrorSummary
        errors={failure?.errors}
        fields={[
          { name: 'organisationId', label: t('inspections.unit'), id: 'record-organisationId' },
          { name: 'inspectedOn', label: t('inspections.col_day'), id: 'record-inspectedOn' },
          { name: 'inspectorIds', label: t('inspections.inspectors'), id: 'record-inspectorIds' },
          ...items.map((item) => ({
            name: `score-${item.id}`,
            label: t('inspections.score_for', { item: item.id }),
            id: `record-score-${item.id}`,
          })),
          ...Array.from({ length: RECTIFICATION_ROWS }, (_, i) => ({
            name: `due-${i}`,
            label: t('inspections.due_on_n', { n: i + 1 }),
            id: `record-due-${i}`,
          })),
        ]}
      />
      <p>
        <Link to={tenantPaths.inspections(tenant.slug)}>{t('inspections.back')}</Link>
      </p>
      <h1>{t('inspections.record')}</h1>
      <p className="admin-lead">
        {t('inspections.on_checklist', {
          title: checklist.title,
          version: checklist.version,
          max: checklist.maxScore,
        })}
      </p>
      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <input type="hidden" name="checklistId" value={checklist.id} />
        <OrganisationSelect
          id="record-organisationId"
          name="organisationId"
          label={t('inspections.unit')}
          placeholder={t('inspections.choose_unit')}
          options={organisationOptions(units, locale)}
          defaultValue={values.organisationId ?? ''}
          error={errorOf('organisationId')}
          required
        />
        <TextField
          id="record-inspectedOn"
          name="inspectedOn"
          type="date"
          label={t('inspections.col_day')}
          defaultValue={values.inspectedOn ?? today}
          max={today}
          error={errorOf('inspectedOn')}
          className="admin-field--short"
          required
        />
        <Fieldset
          legend={t('inspections.inspectors')}
          id="record-inspectorIds"
          error={errorOf('inspectorIds')}
        >
          {inspectors.length === 0 ? <p>{t('inspections.no_inspectors')}</p> : null}
          {inspectors.map((person) => (
            <Checkbox
              key={person.id}
              id={`record-inspector-${person.id}`}
              name="inspectorIds"
              value={person.id}
              label={person.displayName}
              defaultChecked={chosen.has(person.id)}
            />
          ))}
        </Fieldset>
        {checklist.sections.map((section) => (
          <Fieldset key={section.title} legend={section.title}>
            {section.items.map((item) => (
              <div key={item.id} className="admin-field-row">
                <TextField
                  id={`record-score-${item.id}`}
                  name={`score-${item.id}`}
                  inputMode="decimal"
                  label={t('inspections.item_label', { id: item.id, text: item.text, max: item.maxScore })}
                  defaultValue={values[`score-${item.id}`]}
                  error={errorOf(`score-${item.id}`)}
                  className="admin-field--short"
                  required
                />
                <TextField
                  id={`record-remark-${item.id}`}
                  name={`remark-${item.id}`}
                  label={t('inspections.remark_for', { item: item.id })}
                  defaultValue={values[`remark-${item.id}`]}
                  maxLength={500}
                />
              </div>
            ))}
          </Fieldset>
        ))}
        <TextArea
          id="record-findings"
          name="findings"
          label={t('inspections.findings')}
          defaultValue={values.findings}
          maxLength={4000}
        />
        <Fieldset legend={t('inspections.rectifications')} hint={t('inspections.rectifications_hint')}>
          {Array.from({ length: RECTIFICATION_ROWS }, (_, i) => (
            <div key={i} className="admin-field-row">
              <TextField
                id={`record-rect-${i}`}
                name={`rect-${i}`}
                label={t('inspections.rectification_n', { n: i + 1 })}
                defaultValue={values[`rect-${i}`]}
                maxLength={500}
              />
              <TextField
                id={`record-due-${i}`}
                name={`due-${i}`}
                type="date"
                label={t('inspections.due_on_n', { n: i + 1 })}
                defaultValue={values[`due-${i}`]}
                error={errorOf(`due-${i}`)}
                className="admin-field--short"
              />
            </div>
          ))}
        </Fieldset>
        <Button type="submit">{t('inspections.record_submit')}</Button>
      </Form>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
