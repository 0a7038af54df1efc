import type { MessageKey } from '@linju/i18n';
import {
  Button,
  Checkbox,
  Fieldset,
  SelectField,
  TextArea,
  TextField,
  useLocale,
  useTranslate,
} from '@linju/ui';
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
import { organisationOptions } from '../lib/organisation-rules.ts';
import { allowsAnywhere, allowsOn, parentMap } from '../lib/permissions.ts';
import { isForbidden, load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import {
  DRAFT_FIELD_TYPES,
  type DraftField,
  draftRequest,
  editDraft,
  emptyField,
  MAX_DRAFT_FIELDS,
  readDraft,
  type XServiceDraft,
} from '../lib/x-service-draft.ts';
import type { Route } from './+types/x-service-new';

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
    .map(({ id, parentId, kind, nameZh, nameEn, closedAt }) => ({
      id,
      parentId,
      kind,
      nameZh,
      nameEn,
      closedAt,
    }));
  if (units.length === 0) throw data({ message: 'auth.forbidden' satisfies MessageKey }, { status: 403 });
  // The team is chosen from the staff list where the person may read it; otherwise it stays empty.
  let staff: { id: string; displayName: string }[] = [];
  if (allowsAnywhere(grants, 'staff.read')) {
    try {
      staff = (await caller.staff.getMany())
        .filter(
          (person) => !person.disabledAt && !person.roles.every((grant) => grant.role === 'partner-user'),
        )
        .map(({ id, displayName }) => ({ id, displayName }));
    } catch (error) {
      if (!isForbidden(error)) throw error;
    }
  }
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

/** API paths (`title.zh-CN`, `form.2.label.en`) → the builder's field names. */
function fieldForPath(draft: XServiceDraft): Record<string, string> {
  const map: Record<string, string> = {
    // The id is made from the Chinese name: a name already in use is refused there.
    name: 'titleZh',
    'title.zh-CN': 'titleZh',
    'title.en': 'titleEn',
    'description.zh-CN': 'descriptionZh',
    'description.en': 'descriptionEn',
    form: 'fieldCount',
  };
  draft.fields.forEach((_, n) => {
    map[`form.${n}.type`] = `fields.${n}.type`;
    map[`form.${n}.label.zh-CN`] = `fields.${n}.labelZh`;
    map[`form.${n}.label.en`] = `fields.${n}.labelEn`;
    map[`form.${n}.options`] = `fields.${n}.options`;
  });
  return map;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const draft = readDraft(form);
  const revision = (Number.parseInt(formText(form, 'revision'), 10) || 0) + 1;
  if (intent !== 'create') {
    const edited = editDraft(draft, intent);
    return data<BuilderResult>({
      draft: edited,
      revision,
      ...(intent === 'add-field' ? { focusField: edited.fields.length - 1 } : {}),
    });
  }
  const checked = draftRequest(draft);
  if ('errors' in checked) {
    return data<BuilderResult>(
      { draft, revision, errors: { form: [], fields: checked.errors } },
      { status: 400 },
    );
  }
  try {
    await caller.xService.create(checked.request);
  } catch (error) {
    const fields = [
      'organisationId',
      'titleZh',
      'titleEn',
      'descriptionZh',
      'descriptionEn',
      'deadlineWorkingDays',
      'team',
      'fieldCount',
      ...draft.fields.flatMap((_, n) =>
        ['type', 'labelZh', 'labelEn', 'options'].map((p) => `fields.${n}.${p}`),
      ),
    ];
    const failure = toFailedSubmission(error, { fields, fieldForPath: fieldForPath(draft) });
    if (!failure) throw error;
    return data<BuilderResult>({ draft, revision, errors: failure.errors }, { status: failure.status });
  }
  return redirect(
    `${tenantPaths.catalogue(slug)}?org=${encodeURIComponent(draft.organisationId)}&done=defined`,
  );
}

const TYPE_LABELS: Readonly<Record<string, MessageKey>> = {
  text: 'xService.type_text',
  textarea: 'xService.type_textarea',
  number: 'xService.type_number',
  date: 'xService.type_date',
  checkbox: 'xService.type_checkbox',
  select: 'xService.type_select',
  multiselect: 'xService.type_multiselect',
  file: 'xService.type_file',
};

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
    ...[
      'organisationId',
      'titleZh',
      'titleEn',
      'descriptionZh',
      'descriptionEn',
      'deadlineWorkingDays',
      'team',
    ].map((name) => ({ name, label: t(SCALAR_LABELS[name] ?? 'xService.title_zh'), id: `x-${name}` })),
    { name: 'fieldCount', label: t('xService.fields_heading'), id: 'x-fields' },
    ...draft.fields.flatMap((_, n) =>
      (['type', 'labelZh', 'labelEn', 'options'] as const).map((part) => ({
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

const PART_LABELS = {
  type: 'xService.field_type',
  labelZh: 'xService.field_label_zh',
  labelEn: 'xService.field_label_en',
  options: 'xService.field_options',
} as const satisfies Record<string, MessageKey>;

function BuilderRow({
  field,
  n,
  error,
  autoFocus,
  canRemove,
}: {
  field: DraftField;
  n: number;
  error: (name: string) => string | undefined;
  autoFocus: boolean;
  canRemove: boolean;
}) {
  const t = useTranslate();
  const name = (part: string) => `fields.${n}.${part}`;
  const id = (part: string) => `x-fields-${n}-${part}`;
  return (
    <li className="admin-builder__field">
      <h3 className="admin-builder__field-title">{t('xService.field_n', { n: String(n + 1) })}</h3>
      <div className="admin-field-row">
        <TextField
          id={id('labelZh')}
          name={name('labelZh')}
          label={t('xService.field_label_zh')}
          defaultValue={field.labelZh}
          error={error(name('labelZh'))}
          // Moves the focus to the row the person just added.
          autoFocus={autoFocus}
          lang="zh-CN"
          required
        />
        <TextField
          id={id('labelEn')}
          name={name('labelEn')}
          label={t('xService.field_label_en')}
          defaultValue={field.labelEn}
          error={error(name('labelEn'))}
          lang="en"
        />
      </div>
      <div className="admin-field-row">
        <SelectField
          id={id('type')}
          name={name('type')}
          label={t('xService.field_type')}
          defaultValue={field.type}
          error={error(name('type'))}
        >
          {DRAFT_FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(TYPE_LABELS[type] ?? 'xService.type_text')}
            </option>
          ))}
        </SelectField>
      </div>
      <TextArea
        id={id('options')}
        name={name('options')}
        label={t('xService.field_options')}
        hint={t('xService.field_options_hint')}
        defaultValue={field.options}
        error={error(name('options'))}
        rows={3}
      />
      <div className="admin-action-row">
        <Checkbox
          id={id('required')}
          name={name('required')}
          label={t('xService.field_required')}
          defaultChecked={field.required}
        />
        {canRemove ? (
          <Button
            type="submit"
            name="intent"
            value={`remove-field:${n}`}
            variant="quiet"
            className="admin-button--small"
            aria-label={t('xService.remove_field_n', { n: String(n + 1) })}
          >
            {t('xService.remove_field')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
