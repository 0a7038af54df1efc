import {
  CASE_CHANNELS,
  CASE_URGENCIES,
  CONTACT_PREFERENCES,
  channelLabel,
  contactPreferenceLabel,
  KEY_GROUPS,
  keyGroupLabel,
  type Locale,
  urgencyLabel,
} from '@linju/i18n';
import {
  Alert,
  Button,
  Checkbox,
  ChoicePicker,
  Fieldset,
  resolvePostedChoice,
  SelectField,
  SubmitButton,
  TextField,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { data, Form, Link, redirect, useSubmit } from 'react-router';
import { CaseList, caseRowView } from '../components/case-list.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { IntakeParties, intakePartyLabels } from '../components/intake-parties.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { ServiceFormFields } from '../components/service-form-fields.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { type Caller, getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { localFailure } from '../lib/api-errors.ts';
import {
  INTAKE_FIELDS,
  INTAKE_PATHS,
  type IntakeValues,
  intakeProblems,
  intakeRequest,
  readIntake,
  searchKind,
} from '../lib/cases.ts';
import { formText } from '../lib/form-data.ts';
import { screenTranslate } from '../lib/hosted-screens.ts';
import { intakeExtrasOf } from '../lib/intake-extras.tsx';
import { organisationChoices } from '../lib/organisation-rules.ts';
import type { OrganisationRow } from '../lib/organisation-tree.ts';
import { EMPTY_PARTY, intakeParties, partyRowFields } from '../lib/party-form.ts';
import { allowsOn, parentMap } from '../lib/permissions.ts';
import { requestLocale } from '../lib/request-locale.ts';
import { isForbidden, load } from '../lib/route-errors.ts';
import {
  readServiceForm,
  readServiceUploads,
  type ServiceFormField,
  serviceFieldName,
  serviceFormValues,
} from '../lib/service-form.ts';
import { signedInPerson } from '../lib/session.ts';
import { rejectApiError, rejectSubmission, type SubmissionResult } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/case-new';

/** The service's answers with what its plugin adds to the form (legal aid's hardship declaration). */
function withExtras(serviceType: string | undefined, answers: Record<string, unknown>, form: FormData) {
  const extras = intakeExtrasOf(serviceType)?.extras;
  return extras ? { ...answers, ...extras.toForm(form) } : answers;
}

const SERVICE_UNIT_KINDS: readonly string[] = ['centre', 'station', 'room', 'service-point'];

/** The open units where the person may take matters in, for the unit's picker and its resolution. */
function intakeUnitChoices(
  organisations: readonly OrganisationRow[],
  grants: readonly { role: string; organisationId: string }[],
  locale: Locale,
) {
  const parents = parentMap(organisations);
  return organisationChoices(organisations, locale, {
    keep: (o) => SERVICE_UNIT_KINDS.includes(o.kind) && allowsOn(grants, 'case.intake', o.id, parents),
  });
}

/**
 * The unit as posted: the picker's id, or (without JavaScript) the typed name resolved against the
 * units the person may take matters in.
 */
async function postedUnit(context: Route.ActionArgs['context'], locale: Locale, posted: string) {
  const { caller } = getAdminContext(context);
  const grants = signedInPerson(context).user.roles.map(({ role, organisationId }) => ({
    role,
    organisationId,
  }));
  return resolvePostedChoice(posted, async () =>
    intakeUnitChoices(await load(caller.organisation.getMany()), grants, locale),
  );
}

/**
 * The form as it stands: the units the person may take matters in, the services of the chosen
 * unit with the chosen service's own form, and the resident's earlier matters by phone. Built
 * from what was typed, which only ever arrives in a POST body (`intent=refresh` for "find" and
 * "update services"), never in the URL: names, phones and ID numbers stay out of addresses,
 * history and access logs.
 */
async function intakeView(
  context: Route.LoaderArgs['context'],
  locale: Locale,
  form: FormData,
  addParty = false,
) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const organisations = await load(caller.organisation.getMany());
  const units = intakeUnitChoices(organisations, grants, locale);
  const typed = readIntake(form);
  if (addParty) typed.parties.push({ ...EMPTY_PARTY });
  const ownUnit = units.find((u) => grants.some((g) => g.organisationId === u.id)) ?? units[0];
  const unitId = units.some((u) => u.id === typed.organisationId)
    ? typed.organisationId
    : (ownUnit?.id ?? '');
  const services = unitId
    ? (await load(caller.catalogue.getMany({ organisationId: unitId })))
        // A knowledge service is switched on like a service, but nobody is taken in for it.
        .filter((s) => s.enabled && s.kind !== 'knowledge')
        .map((s) => ({
          id: s.pluginId,
          name: s.name as { 'zh-CN': string; en: string },
          form: s.form as ServiceFormField[],
          categories: s.categories,
        }))
    : [];
  let earlier: ReturnType<typeof caseRowView>[] | null = null;
  if (typed.phone && searchKind(typed.phone) === 'phone') {
    try {
      earlier = (await caller.case.getMany({ phone: typed.phone, limit: 10 })).cases.map(caseRowView);
    } catch (error) {
      if (!isForbidden(error)) earlier = [];
    }
  }
  const chosen = services.find((s) => s.id === typed.serviceType);
  const serviceForm = chosen?.form ?? [];
  return {
    units,
    unitId,
    services: services.map(({ id, name }) => ({ id, name })),
    serviceForm,
    // The chosen service's categories, to choose from (its manifest names them; an X service has none).
    categories: chosen?.categories ?? [],
    typed: {
      ...typed,
      organisationId: unitId,
      serviceAnswers: withExtras(typed.serviceType, readServiceForm(form, serviceForm), form),
    },
    earlier,
  };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const url = new URL(request.url);
  const createdId = url.searchParams.get('created');
  let created: { id: string; number: string } | null = null;
  if (createdId && /^[0-9a-f-]{36}$/.test(createdId)) {
    try {
      const found = await caller.case.get({ caseId: createdId });
      created = { id: found.id, number: found.number };
    } catch {
      created = null;
    }
  }
  return {
    ...(await intakeView(context, requestLocale(request, context), new FormData())),
    created,
    matched: url.searchParams.get('matched') === '1',
    today: todayIn(),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const posted = await request.formData();
  const locale = requestLocale(request, context);
  const intent = posted.get('intent');
  const unit = await postedUnit(context, locale, formText(posted, 'organisationId').trim());
  if ('problem' in unit) {
    // A typed unit that names none or several: the form comes back as typed, the unit's field named.
    const refused = rejectSubmission(
      { status: 400, errors: { form: [], fields: { organisationId: unit.problem } } },
      readIntake(posted),
    );
    return data(
      { ...refused.data, refreshed: await intakeView(context, locale, posted) },
      refused.init ?? undefined,
    );
  }
  posted.set('organisationId', unit.id);
  // "Add another party" is a round trip like "find": the form comes back as typed, one row longer.
  if (intent === 'refresh' || intent === 'add-party')
    return { refreshed: await intakeView(context, locale, posted, intent === 'add-party') };
  const answer = await takeIn(tenantSlugFrom(params), getAdminContext(context).caller, posted);
  if (answer instanceof Response) return answer;
  // A refused intake comes back as it was typed, with the chosen unit's services and form.
  return data(
    { ...answer.data, refreshed: await intakeView(context, locale, posted) },
    answer.init ?? undefined,
  );
}

/** Takes the matter in: the case page's address on success, the errors otherwise. */
async function takeIn(slug: string, caller: Caller, posted: FormData) {
  const values = readIntake(posted);
  // The chosen service's own form: its fields as the catalogue describes them at the chosen unit.
  const serviceForm =
    values.organisationId && values.serviceType && values.serviceType !== 'undecided'
      ? ((await caller.catalogue.getMany({ organisationId: values.organisationId })).find(
          (s) => s.pluginId === values.serviceType,
        )?.form ?? [])
      : [];
  values.serviceAnswers = withExtras(
    values.serviceType,
    readServiceForm(posted, serviceForm as ServiceFormField[]),
    posted,
  );
  const extras = intakeExtrasOf(values.serviceType)?.extras;
  const local = localFailure(intakeProblems(values));
  if (local) return rejectSubmission(local, values);
  // Files go to the API only: the typed values sent back to the page never carry them.
  const uploads = await readServiceUploads(posted, serviceForm as ServiceFormField[]);
  if (uploads.tooLarge.length > 0) {
    const fields = Object.fromEntries(
      uploads.tooLarge.map((key) => [serviceFieldName(key), 'case.document_too_large' as const]),
    );
    return rejectSubmission({ status: 400, errors: { form: [], fields } }, values);
  }
  const fields = [
    ...INTAKE_FIELDS,
    ...partyRowFields(values.parties),
    ...serviceForm.map((f) => serviceFieldName(f.key)),
    ...(extras?.fields ?? []),
  ];
  try {
    const created = await caller.case.create({
      ...intakeRequest(values),
      ...(serviceForm.length > 0 ? { form: { ...values.serviceAnswers, ...uploads.files } } : {}),
    });
    const matched = created.residentMatched === 'new' ? '' : '&matched=1';
    return redirect(`${tenantPaths.newCase(slug)}?created=${created.id}${matched}`);
  } catch (error) {
    return rejectApiError(
      error,
      {
        fields,
        fieldForPath: {
          ...INTAKE_PATHS,
          ...intakeParties(values.parties).fieldForPath,
          ...extras?.fieldForPath,
        },
        fieldForMessage: { 'case.resident_required': 'name' },
      },
      values,
    );
  }
}

const LABELS: Readonly<
  Record<(typeof INTAKE_FIELDS)[number], Parameters<ReturnType<typeof useTranslate>>[0]>
> = {
  channel: 'intake.channel',
  name: 'intake.name',
  phone: 'intake.phone',
  idNumber: 'intake.id_number',
  keyGroups: 'intake.key_groups',
  contactPreference: 'intake.contact_preference',
  organisationId: 'intake.unit',
  serviceType: 'intake.service',
  category: 'intake.category',
  urgency: 'intake.urgency',
  description: 'intake.description',
};

export default function NewCase({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const submit = useSubmit();
  const { created, matched, today } = loaderData;
  const refreshed = actionData && 'refreshed' in actionData ? actionData.refreshed : undefined;
  const { units, unitId, services, serviceForm, categories, typed, earlier } = refreshed ?? loaderData;
  const failed =
    actionData && 'errors' in actionData ? (actionData as SubmissionResult<IntakeValues>) : undefined;
  const values: IntakeValues = failed?.values ?? typed;
  const intake = intakeExtrasOf(values.serviceType);
  const error = useFieldError(failed?.errors);
  // With JavaScript, leaving the phone field or changing the unit does what the refresh buttons do
  // (files stay in the browser until the matter is taken in).
  const refresh = (element: HTMLInputElement | HTMLSelectElement) => {
    if (!element.form) return;
    const typedSoFar = new FormData(element.form);
    for (const [name, value] of [...typedSoFar]) if (typeof value !== 'string') typedSoFar.delete(name);
    typedSoFar.set('intent', 'refresh');
    submit(typedSoFar, { method: 'post', encType: 'multipart/form-data', preventScrollReset: true });
  };
  return (
    <>
      <DocumentTitle title={t('intake.title')} tenant={tenant} />
      {created ? (
        <Alert tone="success" title={t('intake.created_title')}>
          <p>
            {t('intake.created_number')}: <strong className="admin-case-number">{created.number}</strong>
          </p>
          {matched ? <p>{t('intake.matched')}</p> : null}
          <p>
            <Link to={tenantPaths.case(tenant.slug, created.id)}>{t('intake.open_case')}</Link>
          </p>
        </Alert>
      ) : null}
      <FormErrorSummary
        errors={failed?.errors}
        fields={[
          ...INTAKE_FIELDS.map((name) => ({ name, label: t(LABELS[name]) })),
          ...intakePartyLabels(values.parties, t),
        ]}
      />
      <h1>{t('intake.title')}</h1>
      <Form
        method="post"
        encType="multipart/form-data"
        className="lj-form admin-intake"
        noValidate
        key={created?.id ?? 'intake'}
      >
        <CsrfField />
        <SelectField
          name="channel"
          label={t('intake.channel')}
          defaultValue={values.channel || 'walk-in'}
          error={error('channel')}
        >
          {CASE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {channelLabel(locale, c)}
            </option>
          ))}
        </SelectField>

        <Fieldset legend={t('intake.resident_heading')}>
          <TextField
            name="name"
            label={t('intake.name')}
            defaultValue={values.name}
            error={error('name')}
            autoComplete="off"
            required
          />
          <TextField
            name="phone"
            type="tel"
            inputMode="tel"
            label={t('intake.phone')}
            hint={t('intake.phone_hint')}
            defaultValue={values.phone}
            error={error('phone')}
            autoComplete="off"
            onBlur={(event) => {
              if (event.currentTarget.value.trim() !== (typed.phone ?? '')) refresh(event.currentTarget);
            }}
          />
          <Button type="submit" variant="secondary" name="intent" value="refresh" formNoValidate>
            {t('intake.find')}
          </Button>
          {earlier ? (
            <section className="admin-earlier" aria-labelledby="earlier-heading" aria-live="polite">
              <h2 id="earlier-heading">{t('intake.earlier_heading')}</h2>
              <CaseList rows={earlier} today={today} empty={t('intake.earlier_none')} />
            </section>
          ) : null}
          <TextField
            name="idNumber"
            label={t('intake.id_number')}
            defaultValue={values.idNumber}
            error={error('idNumber')}
            autoComplete="off"
          />
          <Fieldset
            legend={t('intake.key_groups')}
            id="keyGroups"
            error={error('keyGroups')}
            className="admin-checkbox-row"
          >
            {KEY_GROUPS.map((group) => (
              <Checkbox
                key={group}
                id={`keyGroups-${group}`}
                name="keyGroups"
                value={group}
                label={keyGroupLabel(locale, group)}
                defaultChecked={values.keyGroups.split(',').includes(group)}
              />
            ))}
          </Fieldset>
          <SelectField
            name="contactPreference"
            label={t('intake.contact_preference')}
            defaultValue={values.contactPreference || 'phone'}
            error={error('contactPreference')}
          >
            {CONTACT_PREFERENCES.map((p) => (
              <option key={p} value={p}>
                {contactPreferenceLabel(locale, p)}
              </option>
            ))}
          </SelectField>
        </Fieldset>

        <IntakeParties rows={values.parties} locale={locale} error={error} />

        <Fieldset legend={t('intake.matter_heading')}>
          <ChoicePicker
            name="organisationId"
            label={t('intake.unit')}
            choices={units}
            defaultValue={values.organisationId || unitId}
            error={error('organisationId')}
            onChoose={refresh}
          />
          <Button type="submit" variant="secondary" name="intent" value="refresh" formNoValidate>
            {t('intake.refresh_services')}
          </Button>
          <SelectField
            name="serviceType"
            label={t('intake.service')}
            hint={t('intake.service_hint')}
            defaultValue={values.serviceType || 'undecided'}
            error={error('serviceType')}
            key={unitId}
            onChange={(event) => refresh(event.currentTarget)}
          >
            <option value="undecided">{t('service.undecided')}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name[locale] || s.id}
              </option>
            ))}
          </SelectField>
          {serviceForm.length > 0 ? (
            <ServiceFormFields
              fields={serviceForm}
              locale={locale}
              values={serviceFormValues(values.serviceAnswers ?? {})}
              error={error}
            />
          ) : null}
          {intake && serviceForm.length > 0 ? (
            <intake.extras.Component
              t={screenTranslate(intake.messages, locale)}
              values={values.serviceAnswers}
              error={error}
            />
          ) : null}
          {categories.length > 0 ? (
            <SelectField
              name="category"
              label={t('intake.category')}
              hint={t('intake.category_hint')}
              defaultValue={values.category}
              error={error('category')}
              key={values.serviceType}
            >
              <option value="">{t('intake.category_none')}</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name[locale]}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField
            name="urgency"
            label={t('intake.urgency')}
            defaultValue={values.urgency || 'normal'}
            error={error('urgency')}
          >
            {CASE_URGENCIES.map((u) => (
              <option key={u} value={u}>
                {urgencyLabel(locale, u)}
              </option>
            ))}
          </SelectField>
          <div className={error('description') ? 'lj-field lj-field--error' : 'lj-field'}>
            <label className="lj-field__label" htmlFor="description">
              {t('intake.description')}
            </label>
            {error('description') ? (
              <p className="lj-field__error" id="description-error">
                {error('description')}
              </p>
            ) : null}
            <textarea
              className="lj-field__input admin-textarea"
              id="description"
              name="description"
              rows={5}
              defaultValue={values.description}
              aria-invalid={error('description') ? true : undefined}
              aria-describedby={error('description') ? 'description-error' : undefined}
              required
            />
          </div>
        </Fieldset>
        <SubmitButton>{t('intake.submit')}</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
