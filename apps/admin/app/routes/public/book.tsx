import type { MessageKey } from '@linju/i18n';
import { Alert, Button, type IntentFailure, SelectField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { PageError } from '../../components/page-error.tsx';
import { DocumentTitle } from '../../components/page-shell.tsx';
import { AppointmentSlotList, bookingFormKey } from '../../components/public/appointment-slot-list.tsx';
import { HONEYPOT_FIELD } from '../../components/public/honeypot-field.tsx';
import { MyAppointments } from '../../components/public/my-appointments.tsx';
import { ScreenOffer } from '../../components/public/screen-offer.tsx';
import { getAdminContext } from '../../context.ts';
import { isTrpcError } from '../../lib/api-errors.ts';
import { formText } from '../../lib/form-data.ts';
import { publicOffers } from '../../lib/hosted-screens.ts';
import { intent, intentAction } from '../../lib/intent-action.ts';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { verifyPath } from '../../lib/resident-next.ts';
import { load } from '../../lib/route-errors.ts';
import { serviceName } from '../../lib/service-name.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/book';

const DONE_MESSAGES = {
  booked: 'publicBooking.booked',
  cancelled: 'publicBooking.cancelled',
} as const satisfies Record<string, MessageKey>;
type Done = keyof typeof DONE_MESSAGES;
const isDone = (value: string | null): value is Done => value !== null && Object.hasOwn(DONE_MESSAGES, value);

/** Asked of a resident who has not proven their phone: the API answers UNAUTHORIZED. */
const notVerified = (error: unknown) => isTrpcError(error) && error.code === 'UNAUTHORIZED';

/** Where a resident proves their phone, coming back to this page after. */
const verifyThenBook = (slug: string) => verifyPath(slug, publicSitePaths.book(slug));

/**
 * 预约: the resident chooses what (the services on the rota), where (a service point) and when
 * (the open times of the next 14 days, full ones shown as full), and books with their verified
 * phone; their own appointments are listed with a button to cancel each. Notary appointments are
 * the notary service's own public screen.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const search = new URL(request.url).searchParams;
  const [all, services, mine] = await Promise.all([
    load(caller.appointment.slots({})),
    load(caller.catalogue.installed()),
    // Not verified yet: no list of one's own; every open time is still shown.
    caller.appointment.mine().catch((error: unknown) => {
      if (notVerified(error)) return null;
      throw error;
    }),
  ]);
  const chosenService = search.get('service') ?? '';
  const chosenPoint = search.get('point') ?? '';
  const points = new Map(all.map((s) => [s.organisationId, { nameZh: s.unitNameZh, nameEn: s.unitNameEn }]));
  const done = search.get('done');
  return {
    slug,
    chosenService,
    chosenPoint,
    services: services.map(({ id, name }) => ({ id, name })),
    serviceTypes: [...new Set(all.map((s) => s.serviceType))],
    points: [...points].map(([id, names]) => ({ id, ...names })),
    slots: all.filter(
      (s) =>
        (!chosenService || s.serviceType === chosenService) &&
        (!chosenPoint || s.organisationId === chosenPoint),
    ),
    mine:
      mine?.map((a) => ({
        id: a.id,
        serviceType: a.serviceType,
        unitNameZh: points.get(a.organisationId)?.nameZh ?? '',
        unitNameEn: points.get(a.organisationId)?.nameEn ?? '',
        day: a.day,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        personName: a.personName,
        cancelled: a.cancelledAt !== null,
      })) ?? null,
    done: isDone(done) ? done : null,
    offers: publicOffers('book'),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  // A robot filled the hidden field: it is told nothing and nothing is booked.
  if (formText(form, HONEYPOT_FIELD).trim()) return redirect(publicSitePaths.book(slug));
  const back = (done: Done) => redirect(`${publicSitePaths.book(slug)}?done=${done}`);
  return intentAction(
    form,
    {
      book: intent({
        fields: ['dutySlotId', 'day'],
        failureKey: bookingFormKey,
        run: async (values) => {
          await caller.appointment.book({ dutySlotId: values.dutySlotId, day: values.day });
          return back('booked');
        },
      }),
      cancel: intent({
        fields: ['id'],
        failureKey: (values) => `cancel:${values.id}`,
        run: async (values) => {
          await caller.appointment.cancel({ id: values.id });
          return back('cancelled');
        },
      }),
    },
    {
      done: () => publicSitePaths.book(slug),
      // Not verified (or the code's session ended): prove the phone first, then come back here.
      redirectFor: (error) => (notVerified(error) ? redirect(verifyThenBook(slug)) : undefined),
    },
  );
}

export default function Book({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { slug, done, services } = loaderData;
  const failure = actionData as IntentFailure | undefined;
  const name = (id: string) => serviceName(services, id, locale);
  return (
    <>
      <DocumentTitle title={t('publicBooking.title')} />
      <h1>{t('publicBooking.title')}</h1>
      <p>{t('publicBooking.intro')}</p>
      {loaderData.offers.map((offer) => (
        <ScreenOffer
          key={`${offer.pluginId}.${offer.screenId}`}
          offer={offer}
          slug={slug}
          open={t('publicBooking.open_screen')}
        />
      ))}
      {done && !failure ? (
        <Alert tone="success">
          <p>{t(DONE_MESSAGES[done])}</p>
        </Alert>
      ) : null}
      {loaderData.mine ? (
        <MyAppointments
          appointments={loaderData.mine.map((a) => ({ ...a, service: name(a.serviceType) }))}
          failure={failure}
        />
      ) : (
        <p>
          {t('publicBooking.verify_first')} <Link to={verifyThenBook(slug)}>{t('publicBooking.verify')}</Link>
        </p>
      )}
      <h2>{t('publicBooking.choose')}</h2>
      <Form method="get" className="lj-form">
        <SelectField label={t('publicBooking.what')} name="service" defaultValue={loaderData.chosenService}>
          <option value="">{t('publicBooking.any_service')}</option>
          {loaderData.serviceTypes.map((id) => (
            <option key={id} value={id}>
              {name(id)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('publicBooking.where')} name="point" defaultValue={loaderData.chosenPoint}>
          <option value="">{t('publicBooking.any_point')}</option>
          {loaderData.points.map((p) => (
            <option key={p.id} value={p.id}>
              {locale === 'en' ? p.nameEn : p.nameZh}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t('publicBooking.show_slots')}
        </Button>
      </Form>
      <h2>{t('publicBooking.when')}</h2>
      <AppointmentSlotList
        slots={loaderData.slots.map((s) => ({ ...s, service: name(s.serviceType) }))}
        failure={failure}
      />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
