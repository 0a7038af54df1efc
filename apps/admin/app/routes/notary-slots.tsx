import { formatDateTime, type MessageKey } from '@linju/i18n';
import { Alert, Button, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, redirect, useLocation } from 'react-router';
import { FormErrorSummary } from '../components/form-errors.tsx';
import { IntentForm } from '../components/intent-form.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { daysFrom, districtDateTime, parseCount } from '../lib/core-services.ts';
import { formText } from '../lib/form-data.ts';
import { organisationName } from '../lib/organisation-tree.ts';
import { load } from '../lib/route-errors.ts';
import {
  type failureOf,
  rejectIntent,
  rejectIntentApiError,
  rejectUnknownIntent,
} from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/notary-slots';

const OFFICE_KINDS: readonly string[] = ['centre', 'station'];
/** How far ahead the appointment book is shown (the API allows 62 days). */
const DAYS = 28;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const organisations = await load(caller.organisation.getMany());
  const offices = organisations
    .filter((o) => OFFICE_KINDS.includes(o.kind) && !o.closedAt)
    .map((o) => ({ id: o.id, nameZh: organisationName(o, 'zh-CN'), nameEn: organisationName(o, 'en') }));
  const asked = new URL(request.url).searchParams.get('office') ?? '';
  const officeId = offices.some((o) => o.id === asked) ? asked : (offices[0]?.id ?? '');
  const slots = officeId
    ? await load(caller.notary.slot.getMany({ officeId, ...daysFrom(todayIn(), DAYS) }))
    : [];
  return { offices, officeId, slots };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const text = (name: string) => formText(form, name).trim();
  if (intent !== 'slot') {
    return rejectUnknownIntent(intent);
  }
  const values = {
    officeId: text('officeId'),
    startsAt: text('startsAt'),
    endsAt: text('endsAt'),
    capacity: text('capacity'),
  };
  const capacity = parseCount(values.capacity);
  if (capacity === undefined) {
    return rejectIntent(
      intent,
      { status: 400, errors: { form: [], fields: { capacity: 'validation.out_of_range' } } },
      values,
    );
  }
  try {
    await caller.notary.slot.create({
      officeId: values.officeId,
      startsAt: districtDateTime(values.startsAt),
      endsAt: districtDateTime(values.endsAt),
      capacity,
    });
    return redirect(`${tenantPaths.notarySlots(slug)}?office=${values.officeId}&done=slot`);
  } catch (error) {
    return rejectIntentApiError(
      intent,
      error,
      { fields: ['officeId', 'startsAt', 'endsAt', 'capacity'] },
      values,
    );
  }
}

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  officeId: 'notaryPage.office',
  startsAt: 'notarySlots.starts_at',
  endsAt: 'notarySlots.ends_at',
  capacity: 'notarySlots.capacity',
};

export default function NotarySlotsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const location = useLocation();
  const { tenant } = useTenantShell();
  const { offices, officeId, slots } = loaderData;
  const failure =
    actionData && 'errors' in actionData ? (actionData as ReturnType<typeof failureOf>) : undefined;
  // What was typed into a refused form, to fill it in again.
  const again = (intent: string, name: string) =>
    failure?.intent === intent ? failure.values[name] : undefined;
  const done = new URLSearchParams(location.search).get('done');
  const officeName = (id: string) => {
    const o = offices.find((x) => x.id === id);
    return o ? (locale === 'en' ? o.nameEn : o.nameZh) : '';
  };
  const summaryFields = failure
    ? Object.keys(failure.errors.fields).map((name) => ({
        name,
        label: t(FIELD_LABELS[name] ?? 'notarySlots.capacity'),
        id: `${failure.intent}-${name}`,
      }))
    : [];

  return (
    <>
      <DocumentTitle title={t('notarySlots.title')} tenant={tenant} />
      <FormErrorSummary errors={failure?.errors} fields={summaryFields} />
      {done && !failure ? (
        <Alert tone="success">
          <p>{t('notarySlots.done')}</p>
        </Alert>
      ) : null}
      <h1>{t('notarySlots.title')}</h1>
      <p>{t('notarySlots.intro', { days: DAYS })}</p>
      <Form method="get" className="lj-form admin-inline-form">
        <SelectField name="office" id="office" label={t('notaryPage.office')} defaultValue={officeId}>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {locale === 'en' ? o.nameEn : o.nameZh}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t('notaryPage.show_slots')}
        </Button>
      </Form>

      <h2>{t('notarySlots.book_of', { office: officeName(officeId) })}</h2>
      {slots.length === 0 ? (
        <p>{t('notarySlots.none')}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('notarySlots.starts_at')}</th>
              <th scope="col">{t('notarySlots.ends_at')}</th>
              <th scope="col">{t('notarySlots.booked')}</th>
              <th scope="col">{t('notarySlots.state')}</th>
            </tr>
          </thead>
          <tbody>
            {slots.map((s) => (
              <tr key={s.id}>
                <td>{formatDateTime(locale, s.startsAt)}</td>
                <td>{formatDateTime(locale, s.endsAt)}</td>
                <td>
                  {s.booked} / {s.capacity}
                </td>
                <td>
                  {t(
                    s.withdrawn
                      ? 'notarySlots.withdrawn'
                      : s.booked >= s.capacity
                        ? 'notarySlots.full'
                        : 'notarySlots.open',
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <IntentForm
        intent="slot"
        title={t('notarySlots.create')}
        failure={failure}
        submit={t('notarySlots.create_submit')}
        hidden={{ officeId }}
      >
        {(f) => (
          <>
            <TextField
              {...f('startsAt')}
              type="datetime-local"
              label={t('notarySlots.starts_at')}
              defaultValue={again('slot', 'startsAt')}
            />
            <TextField
              {...f('endsAt')}
              type="datetime-local"
              label={t('notarySlots.ends_at')}
              defaultValue={again('slot', 'endsAt')}
            />
            <TextField
              {...f('capacity')}
              inputMode="numeric"
              label={t('notarySlots.capacity')}
              hint={t('notarySlots.capacity_hint')}
              defaultValue={again('slot', 'capacity') ?? '2'}
            />
          </>
        )}
      </IntentForm>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
