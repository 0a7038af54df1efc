import { Button, type IntentFailure, useLocale, useTranslate } from '@linju/ui';
import { Form } from 'react-router';
import type { Route } from '../../routes/public/+types/book';
import { CsrfField } from '../csrf-field.tsx';

/** One of the resident's appointments as the 预约 page loads it, its service named. */
export type MyAppointment = NonNullable<Route.ComponentProps['loaderData']['mine']>[number] & {
  service: string;
};

/** "My appointments" of the verified phone: each live one with a button to cancel it. */
export function MyAppointments({
  appointments,
  failure,
}: {
  appointments: readonly MyAppointment[];
  failure: IntentFailure | undefined;
}) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <section aria-labelledby="my-appointments">
      <h2 id="my-appointments">{t('publicBooking.mine')}</h2>
      {appointments.length === 0 ? <p>{t('publicBooking.mine_none')}</p> : null}
      <ul className="public-slots">
        {appointments.map((a) => {
          const refusal =
            failure?.intent === `cancel:${a.id}`
              ? (Object.values(failure.errors.fields)[0] ?? failure.errors.form[0])
              : undefined;
          const place = locale === 'en' ? a.unitNameEn : a.unitNameZh;
          return (
            <li key={a.id}>
              <p>
                <strong>{a.service}</strong> · {place}
                <br />
                {t('publicBooking.slot', {
                  day: a.day,
                  startsAt: a.startsAt,
                  endsAt: a.endsAt,
                  person: a.personName,
                })}
                {a.cancelled ? ` · ${t('publicBooking.status_cancelled')}` : null}
              </p>
              {refusal ? (
                <p className="lj-field__error" role="alert">
                  {t(refusal)}
                </p>
              ) : null}
              {a.cancelled ? null : (
                <Form method="post" className="admin-inline-form">
                  <CsrfField />
                  <input type="hidden" name="intent" value="cancel" />
                  <input type="hidden" name="id" value={a.id} />
                  <Button
                    type="submit"
                    variant="secondary"
                    aria-label={`${t('publicBooking.cancel')}: ${a.service} ${a.day} ${a.startsAt}`}
                  >
                    {t('publicBooking.cancel')}
                  </Button>
                </Form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
