import type { MessageKey } from '@linju/i18n';
import { Button, Checkbox, Fieldset, TextArea, TextField, useLocale, useTranslate } from '@linju/ui';
import { data, Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary } from '../components/form-errors.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { type FormErrors, toFailedSubmission } from '../lib/api-errors.ts';
import { formText } from '../lib/form-data.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { organisationOptions } from '../lib/organisation-rules.ts';
import { organisationRow } from '../lib/organisation-tree.ts';
import { allowsAnywhere, allowsOn, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { isDistrictStaff, staffChoices } from '../lib/staff-choices.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import {
  DRAFT_ROW_PARTS,
  DRAFT_SCALARS,
  draftFieldForPath,
  draftFieldNames,
  draftRequest,
  editDraft,
  emptyField,
  MAX_DRAFT_FIELDS,
  readDraft,
  type XServiceDraft,
} from '../lib/x-service-draft.ts';
import type { Route } from './+types/x-service-new';
import { BuilderRow, PART_LABELS } from './x-service-new/builder-row.tsx';

const DEFINING_KINDS: readonly string[] = ['centre', 'station'];

/**
 * 6+X: a street station defines its own X service without code — names, an intake form built from
 * fields as data, a time limit and a team. The builder posts the whole draft for "add a field" and
 * "remove", so it works without JavaScript; with it, the same posts run without a page load.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const organisations = await load(caller.organisation.getMany());
  const parents = parentMap(organisations);
  const units = organisations
    .filter(
      (row) =>
        DEFINING_KINDS.includes(row.kind) &&
        !row.closedAt &&
        allowsOn(grants, 'catalogue.manage', row.id, parents),
    )
    .map(organisationRow);
  if (units.length === 0) throw data({ message: 'auth.forbidden' satisfies MessageKey }, { status: 403 });
  // The team is chosen from the staff list where the person may read it; otherwise it stays empty.
  const staff = allowsAnywhere(grants, 'staff.read') ? await staffChoices(caller, isDistrictStaff) : [];
  const asked = new URL(request.url).searchParams.get('org');
  return { units, staff, organisationId: units.find((unit) => unit.id === asked)?.id ?? units[0]?.id ?? '' };
}

interface BuilderResult {
  draft: XServiceDraft;
  errors?: FormErrors;
  /** Remounts the form so its fields show the draft the server returned (rows added or removed). */
  revision: number;
  /** After "add a field", the new row's first input takes the focus. */
  focusField?: number;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const draft = readDraft(form);
  const revision = (Number.parseInt(formText(form, 'revision'), 10) || 0) + 1;
  // Every answer but the last carries the whole draft back: the builder's refusals are the draft's too.
  const builder = (result: Omit<BuilderResult, 'revision'>, status = 200) =>
    data<BuilderResult>({ ...result, revision }, { status });
  const edit = intent({
    run: (_values, { intent: name }) => {
      const edited = editDraft(draft, name);
      return builder({
        draft: edited,
        ...(name === 'add-field' ? { focusField: edited.fields.length - 1 } : {}),
      });
    },
  });
  return intentAction(
    form,
    {
      'add-field': edit,
      ...Object.fromEntries(draft.fields.map((_, n) => [`remove-field:${n}`, edit])),
      create: intent({
        run: async () => {
          const checked = draftRequest(draft);
          if ('errors' in checked)
            return builder({ draft, errors: { form: [], fields: checked.errors } }, 400);
          try {
            await caller.xService.create(checked.request);
          } catch (error) {
            const failure = toFailedSubmission(error, {
              fields: draftFieldNames(draft),
              fieldForPath: draftFieldForPath(draft),
            });
            if (!failure) throw error;
            return builder({ draft, errors: failure.errors }, failure.status);
          }
          return redirect(
            `${tenantPaths.catalogue(slug)}?org=${encodeURIComponent(draft.organisationId)}&done=defined`,
          );
        },
      }),
    },
    { done: () => tenantPaths.catalogue(slug) },
  );
}

const SCALAR_LABELS: Readonly<Record<string, MessageKey>> = {
  organisationId: 'xService.unit',
  titleZh: 'xService.title_zh',
  titleEn: 'xService.title_en',
  descriptionZh: 'xService.description_zh',
  descriptionEn: 'xService.description_en',
  deadlineWorkingDays: 'xService.deadline',
  team: 'xService.team',
  fieldCount: 'xService.fields_heading',
};

export default function XServiceNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { units, staff, organisationId } = loaderData;
  const result = actionData as BuilderResult | undefined;
  const draft: XServiceDraft = result?.draft ?? {
    organisationId,
    titleZh: '',
    titleEn: '',
    descriptionZh: '',
    descriptionEn: '',
    deadlineWorkingDays: '10',
    team: [],
    fields: [emptyField()],
  };
  const errors = result?.errors;
  const error = (name: string) => {
    const key = errors?.fields[name];
    return key ? t(key, errors?.params) : undefined;
  };
  const summaryFields = [
    ...[...DRAFT_SCALARS, 'team'].map((name) => ({
      name,
      label: t(SCALAR_LABELS[name] ?? 'xService.title_zh'),
      id: `x-${name}`,
    })),
    { name: 'fieldCount', label: t('xService.fields_heading'), id: 'x-fields' },
    ...draft.fields.flatMap((_, n) =>
      DRAFT_ROW_PARTS.map((part) => ({
        name: `fields.${n}.${part}`,
        label: `${t('xService.field_n', { n: String(n + 1) })} · ${t(PART_LABELS[part])}`,
        id: `x-fields-${n}-${part}`,
      })),
    ),
  ];
  return (
    <>
      <DocumentTitle title={t('xService.title')} tenant={tenant} />
      <p>
        <Link to={`${tenantPaths.catalogue(tenant.slug)}?org=${encodeURIComponent(draft.organisationId)}`}>
          {t('xService.back')}
        </Link>
      </p>
      <FormErrorSummary errors={errors} fields={summaryFields} />
      <h1>{t('xService.title')}</h1>
      <p className="admin-lead">{t('xService.intro')}</p>
      <Form method="post" className="lj-form admin-builder" noValidate key={result?.revision ?? 0}>
        <CsrfField />
        <input type="hidden" name="revision" value={result?.revision ?? 0} />
        <input type="hidden" name="fieldCount" value={draft.fields.length} />
        <OrganisationSelect
          id="x-organisationId"
          name="organisationId"
          label={t('xService.unit')}
          hint={t('xService.unit_hint')}
          options={organisationOptions(units, locale)}
          defaultValue={draft.organisationId}
          error={error('organisationId')}
          required
        />
        <div className="admin-field-row">
          <TextField
            id="x-titleZh"
            name="titleZh"
            label={t('xService.title_zh')}
            defaultValue={draft.titleZh}
            error={error('titleZh')}
            required
            lang="zh-CN"
          />
          <TextField
            id="x-titleEn"
            name="titleEn"
            label={t('xService.title_en')}
            defaultValue={draft.titleEn}
            error={error('titleEn')}
            lang="en"
          />
        </div>
        <div className="admin-field-row">
          <TextArea
            id="x-descriptionZh"
            name="descriptionZh"
            label={t('xService.description_zh')}
            defaultValue={draft.descriptionZh}
            error={error('descriptionZh')}
            rows={3}
            required
            lang="zh-CN"
          />
          <TextArea
            id="x-descriptionEn"
            name="descriptionEn"
            label={t('xService.description_en')}
            defaultValue={draft.descriptionEn}
            error={error('descriptionEn')}
            rows={3}
            lang="en"
          />
        </div>
        <TextField
          id="x-deadlineWorkingDays"
          name="deadlineWorkingDays"
          inputMode="numeric"
          label={t('xService.deadline')}
          hint={t('xService.deadline_hint')}
          defaultValue={draft.deadlineWorkingDays}
          error={error('deadlineWorkingDays')}
          className="admin-field--short"
          required
        />
        {staff.length > 0 ? (
          <Fieldset
            legend={t('xService.team')}
            hint={t('xService.team_hint')}
            id="x-team"
            error={error('team')}
          >
            <div className="admin-checkbox-columns">
              {staff.map((person) => (
                <Checkbox
                  key={person.id}
                  id={`x-team-${person.id}`}
                  name="team"
                  value={person.id}
                  label={person.displayName}
                  defaultChecked={draft.team.includes(person.id)}
                />
              ))}
            </div>
          </Fieldset>
        ) : null}

        <Fieldset
          legend={t('xService.fields_heading')}
          hint={t('xService.fields_hint')}
          id="x-fields"
          error={error('fieldCount')}
        >
          <ol className="admin-builder__fields">
            {draft.fields.map((field, n) => (
              <BuilderRow
                // Rows have no id of their own; the whole form remounts on every change of the draft.
                key={n}
                field={field}
                n={n}
                error={error}
                autoFocus={result?.focusField === n}
                canRemove={draft.fields.length > 1}
              />
            ))}
          </ol>
          {draft.fields.length < MAX_DRAFT_FIELDS ? (
            <Button type="submit" name="intent" value="add-field" variant="secondary">
              {t('xService.add_field')}
            </Button>
          ) : null}
        </Fieldset>
        <Button type="submit" name="intent" value="create">
          {t('xService.create_submit')}
        </Button>
      </Form>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
