import { formatDateTime, type MessageKey } from '@linju/i18n';
import { Button, Checkbox, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, redirect, useLocation } from 'react-router';
import { CaseServiceHeader } from '../components/case-service-header.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { IntentForm } from '../components/intent-form.tsx';
import { PageError } from '../components/page-error.tsx';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { isTrpcError } from '../lib/api-errors.ts';
import { daysFrom, freeSlots } from '../lib/core-services.ts';
import { formText } from '../lib/form-data.ts';
import { organisationName } from '../lib/organisation-tree.ts';
import { idParam, load, routeErrorFor } from '../lib/route-errors.ts';
import {
  type failureOf,
  rejectIntent,
  rejectIntentApiError,
  rejectUnknownIntent,
} from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/case-notary';

const GREEN_CHANNEL = ['elderly', 'sick', 'disabled'] as const;
/** Units that may run a notary office's appointment book. */
const OFFICE_KINDS: readonly string[] = ['centre', 'station'];
/** How far ahead the desk sees the office's slots. */
const SLOT_DAYS = 28;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const caseId = params.id;
  idParam(caseId);
  const [found, checklist, bookings, organisations] = await Promise.all([
    load(caller.case.get({ caseId })),
    // A case accepted before its matter was chosen has no checklist yet; the page says so.
    caller.notary.documents.get({ caseId }).catch((error: unknown) => {
      if (isTrpcError(error) && error.message === 'notary.case_has_no_matter') return null;
      throw routeErrorFor(error);
    }),
    load(caller.notary.booking.getMany({ caseId })),
    load(caller.organisation.getMany()),
  ]);
  const offices = organisations
    .filter((o) => OFFICE_KINDS.includes(o.kind) && !o.closedAt)
    .map((o) => ({ id: o.id, nameZh: organisationName(o, 'zh-CN'), nameEn: organisationName(o, 'en') }));
  const asked = new URL(request.url).searchParams.get('office') ?? '';
  const officeId = offices.some((o) => o.id === asked)
    ? asked
    : offices.some((o) => o.id === found.currentOrganisationId)
      ? found.currentOrganisationId
      : (offices[0]?.id ?? '');
  const slots = officeId
    ? await load(caller.notary.slot.getMany({ officeId, ...daysFrom(todayIn(), SLOT_DAYS) }))
    : [];
  return {
    case: { id: found.id, number: found.number, form: (found.form ?? {}) as Record<string, unknown> },
    checklist,
    bookings,
    offices,
    officeId,
    slots,
    free: freeSlots(slots, new Date()),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const text = (name: string) => formText(form, name).trim();
  const here = `${tenantPaths.case(slug, caseId)}/notary`;
  const run = async (fields: string[], values: Record<string, string>, call: () => Promise<unknown>) => {
    try {
      await call();
      return redirect(`${here}?done=${intent}`);
    } catch (error) {
      return rejectIntentApiError(intent, error, { fields, pathPrefix: '' }, values);
    }
  };
  switch (intent) {
    case 'documents': {
      const received = form.getAll('received').filter((v): v is string => typeof v === 'string');
      return run(['received'], {}, () => caller.notary.documents.set({ caseId, received }));
    }
    case 'book': {
      const values = {
        slotId: text('slotId'),
        greenChannel: text('greenChannel'),
        homeVisitAddress: text('homeVisitAddress'),
      };
      const green = GREEN_CHANNEL.find((g) => g === values.greenChannel);
      if (!values.slotId) {
        return rejectIntent(
          intent,
          { status: 400, errors: { form: [], fields: { slotId: 'notaryPage.choose_slot' } } },
          values,
        );
      }
      return run(['slotId', 'greenChannel', 'homeVisitAddress', 'caseId'], values, () =>
        caller.notary.booking.create({
          caseId,
          slotId: values.slotId,
          // Unticked means "as the intake said": the API then takes the case's own answer.
          ...(form.get('expedited') === 'on' ? { expedited: true } : {}),
          ...(green ? { greenChannel: green } : {}),
          ...(values.homeVisitAddress ? { homeVisitAddress: values.homeVisitAddress } : {}),
        }),
      );
    }
    case 'cancel': {
      const values = { reason: text('reason') };
      return run(['reason', 'bookingId'], values, () =>
        caller.notary.booking.cancel({ caseId, bookingId: text('bookingId'), reason: values.reason }),
      );
    }
  }
  return rejectUnknownIntent(intent);
}

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  received: 'notaryPage.checklist',
  slotId: 'notaryPage.slot',
  greenChannel: 'notaryPage.green_channel',
  homeVisitAddress: 'notaryPage.home_visit_address',
  reason: 'notaryPage.cancel_reason',
  caseId: 'notaryPage.booking',
  bookingId: 'notaryPage.booking',
};

export default function CaseNotaryPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const location = useLocation();
  const { case: c, checklist, bookings, offices, officeId, slots, free } = loaderData;
  const failure =
    actionData && 'errors' in actionData ? (actionData as ReturnType<typeof failureOf>) : undefined;
  // What was typed into a refused form, to fill it in again.
  const again = (intent: string, name: string) =>
    failure?.intent === intent ? failure.values[name] : undefined;
  const done = new URLSearchParams(location.search).get('done');
  const live = bookings.find((b) => b.cancelledAt === null);
  const slotTime = (slotId: string) => {
    const slot = slots.find((s) => s.id === slotId);
    return slot ? formatDateTime(locale, slot.startsAt) : t('notaryPage.slot_elsewhere');
  };
  const greenLabel = (g: string) => t(`notaryPage.green_${g}` as MessageKey);
  const intakeFlags = [
    c.form.expedited === true ? t('notaryPage.expedited') : null,
    c.form.greenChannel === true && typeof c.form.greenChannelReason === 'string'
      ? `${t('notaryPage.green_channel')}：${greenLabel(c.form.greenChannelReason)}`
      : null,
    c.form.channel === 'remote' ? t('notaryPage.remote') : null,
  ].filter(Boolean);

  return (
    <>
      <CaseServiceHeader
        title={t('notaryPage.title', { number: c.number })}
        caseRef={c}
        failure={failure}
        done={Boolean(done)}
        fieldLabels={FIELD_LABELS}
        otherFieldLabel="notaryPage.booking"
      />
      {intakeFlags.length > 0 ? <p>{intakeFlags.join(' · ')}</p> : null}

      <section aria-labelledby="checklist-heading">
        <h2 id="checklist-heading">{t('notaryPage.checklist')}</h2>
        {checklist ? (
          <>
            {checklist.complete ? (
              <p>{t('notaryPage.checklist_complete')}</p>
            ) : (
              <>
                <p>{t('notaryPage.missing', { count: checklist.missing.length })}</p>
                <ul aria-label={t('notaryPage.missing_list')}>
                  {checklist.items
                    .filter((i) => checklist.missing.includes(i.id))
                    .map((i) => (
                      <li key={i.id}>{i.name[locale]}</li>
                    ))}
                </ul>
              </>
            )}
            <Form method="post" className="lj-form" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="documents" />
              <fieldset
                className={
                  failure?.intent === 'documents' && failure.errors.fields.received
                    ? 'lj-field lj-field--error'
                    : 'lj-field'
                }
              >
                <legend className="lj-field__label">{t('notaryPage.tick_received')}</legend>
                {failure?.intent === 'documents' && failure.errors.fields.received ? (
                  <p className="lj-field__error" id="documents-received">
                    {t(failure.errors.fields.received)}
                  </p>
                ) : null}
                {checklist.items.map((i) => (
                  <Checkbox
                    key={i.id}
                    name="received"
                    id={`received-${i.id}`}
                    value={i.id}
                    defaultChecked={i.received}
                    label={`${i.name[locale]}${i.optional ? t('notaryPage.optional') : ''}`}
                  />
                ))}
              </fieldset>
              <Button type="submit">{t('notaryPage.save_documents')}</Button>
            </Form>
          </>
        ) : (
          <p>{t('notary.case_has_no_matter')}</p>
        )}
      </section>

      <section aria-labelledby="booking-heading">
        <h2 id="booking-heading">{t('notaryPage.booking')}</h2>
        {bookings.length > 0 ? (
          <ul>
            {bookings.map((b) => (
              <li key={b.id}>
                {slotTime(b.slotId)}
                {b.expedited ? ` · ${t('notaryPage.expedited')}` : ''}
                {b.greenChannel ? ` · ${t('notaryPage.green_channel')}：${greenLabel(b.greenChannel)}` : ''}
                {b.homeVisitAddress ? ` · ${t('notaryPage.home_visit')}：${b.homeVisitAddress}` : ''}
                {b.cancelledAt
                  ? ` · ${t('notaryPage.cancelled', { at: formatDateTime(locale, b.cancelledAt) })}`
                  : ` · ${t('notaryPage.live')}`}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('notaryPage.no_booking')}</p>
        )}
        {live ? (
          <IntentForm
            intent="cancel"
            title={t('notaryPage.cancel')}
            failure={failure}
            submit={t('notaryPage.cancel_submit')}
            hidden={{ bookingId: live.id }}
          >
            {(f) => (
              <TextField
                {...f('reason')}
                label={t('notaryPage.cancel_reason')}
                defaultValue={again('cancel', 'reason')}
              />
            )}
          </IntentForm>
        ) : (
          <>
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
            {free.length === 0 ? (
              <p>{t('notaryPage.no_free_slots')}</p>
            ) : (
              <IntentForm
                intent="book"
                title={t('notaryPage.book')}
                failure={failure}
                submit={t('notaryPage.book_submit')}
              >
                {(f) => {
                  const slot = f('slotId');
                  return (
                    <>
                      <fieldset className={slot.error ? 'lj-field lj-field--error' : 'lj-field'}>
                        <legend className="lj-field__label">{t('notaryPage.free_slots')}</legend>
                        {slot.error ? (
                          <p className="lj-field__error" id={slot.id}>
                            {slot.error}
                          </p>
                        ) : null}
                        {free.map((s) => (
                          <label key={s.id} className="admin-choice">
                            <input type="radio" name="slotId" value={s.id} />{' '}
                            {formatDateTime(locale, s.startsAt)}（
                            {t('notaryPage.places_left', { count: s.capacity - s.booked })}）
                          </label>
                        ))}
                      </fieldset>
                      <Checkbox name="expedited" id="book-expedited" label={t('notaryPage.expedited')} />
                      <SelectField
                        {...f('greenChannel')}
                        label={t('notaryPage.green_channel')}
                        defaultValue={again('book', 'greenChannel')}
                      >
                        <option value="">{t('notaryPage.green_none')}</option>
                        {GREEN_CHANNEL.map((g) => (
                          <option key={g} value={g}>
                            {greenLabel(g)}
                          </option>
                        ))}
                      </SelectField>
                      <TextField
                        {...f('homeVisitAddress')}
                        label={t('notaryPage.home_visit_address')}
                        hint={t('notaryPage.home_visit_hint')}
                        defaultValue={again('book', 'homeVisitAddress')}
                      />
                    </>
                  );
                }}
              </IntentForm>
            )}
          </>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
