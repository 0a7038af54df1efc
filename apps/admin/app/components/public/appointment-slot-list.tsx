import type { MessageKey } from '@linju/i18n';
import { Button, type IntentFailure, useLocale, useTranslate } from '@linju/ui';
import { Form } from 'react-router';
import type { Route } from '../../routes/public/+types/book';
import { CsrfField } from '../csrf-field.tsx';
import { HoneypotField } from './honeypot-field.tsx';

/** An open time as the 预约 page loads it, with its service named in the page's language. */
export type BookableSlot = Route.ComponentProps['loaderData']['slots'][number] & { service: string };

/** The failure key of one slot's booking form: one form per slot and day. */
export const bookingFormKey = (slot: { dutySlotId: string; day: string }) =>
  `book:${slot.dutySlotId}:${slot.day}`;

/** The message of a failed booking of this slot, if it was the one that failed. */
const refusalOf = (failure: IntentFailure | undefined): MessageKey | undefined =>
  failure ? (Object.values(failure.errors.fields)[0] ?? failure.errors.form[0]) : undefined;

/**
 * The open times of the next 14 days, by day: each with its place, its person and the places left;
 * a full one says 已约满 and has no button. Each open one is a form of its own (works without JS).
 */
export function AppointmentSlotList({
  slots,
  failure,
}: {
  slots: readonly BookableSlot[];
  failure: IntentFailure | undefined;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const days = [...new Set(slots.map((slot) => slot.day))];
  if (days.length === 0) return <p>{t('publicBooking.no_slots')}</p>;
  return (
    <>
      {days.map((day) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h3 id={`day-${day}`}>{day}</h3>
          <ul className="public-slots">
            {slots
              .filter((slot) => slot.day === day)
              .map((slot) => {
                const key = bookingFormKey(slot);
                const refusal = failure?.intent === key ? refusalOf(failure) : undefined;
                const place = locale === 'en' ? slot.unitNameEn : slot.unitNameZh;
                return (
                  <li key={key}>
                    <p>
                      <strong>{slot.service}</strong> · {place}
                      <br />
                      {t('publicBooking.slot', {
                        day: slot.day,
                        startsAt: slot.startsAt,
                        endsAt: slot.endsAt,
                        person: slot.personName,
                      })}
                      <br />
                      {slot.full
                        ? t('publicBooking.full_label')
                        : t('publicBooking.places_left', { count: slot.capacity - slot.booked })}
                    </p>
                    {refusal ? (
                      <p className="lj-field__error" role="alert" id={`${key}-error`}>
                        {t(refusal)}
                      </p>
                    ) : null}
                    {slot.full ? null : (
                      <Form method="post" className="admin-inline-form">
                        <CsrfField />
                        <HoneypotField />
                        <input type="hidden" name="intent" value="book" />
                        <input type="hidden" name="dutySlotId" value={slot.dutySlotId} />
                        <input type="hidden" name="day" value={slot.day} />
                        <Button
                          type="submit"
                          aria-describedby={refusal ? `${key}-error` : undefined}
                          aria-label={`${t('publicBooking.book')}: ${slot.service} ${place} ${slot.day} ${slot.startsAt}`}
                        >
                          {t('publicBooking.book')}
                        </Button>
                      </Form>
                    )}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </>
  );
}
