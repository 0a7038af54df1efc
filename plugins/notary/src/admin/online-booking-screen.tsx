import { type ProcedureResult, publicScreen } from '@linju/plugin-sdk/admin';
import { TextField } from '@linju/ui';
import type { ReactNode } from 'react';
import type { onlineBooking } from '../procedures/online-booking.ts';
import type { Key } from './key.ts';

type Data = ProcedureResult<typeof onlineBooking>;

/** A set of radio buttons with its legend and, when refused, the error in words above them. */
function RadioChoice(props: { legend: string; error: string | undefined; id: string; children: ReactNode }) {
  return (
    <fieldset className={props.error ? 'lj-field lj-field--error' : 'lj-field'}>
      <legend className="lj-field__label">{props.legend}</legend>
      {props.error ? (
        <p className="lj-field__error" id={props.id}>
          {props.error}
        </p>
      ) : null}
      {props.children}
    </fieldset>
  );
}

/**
 * 公证预约 on the district's site: the resident who verified their phone chooses the matter (with
 * what to bring) and a free time of the next 14 days, and sees the confirmation; their coming
 * appointments are listed with a button to cancel each.
 */
export const onlineBookingScreen = publicScreen<Data, Key>({
  id: 'online-booking',
  path: 'notary/book',
  page: 'onlineBooking',
  resident: 'required',
  offer: { title: 'notary.public.title', intro: 'notary.public.intro', on: 'book' },
  heading: (_data, t) => ({ title: t('notary.public.title') }),
  intents: {
    book: {
      procedure: 'bookOnline',
      fields: {
        matterType: 'notary.public.matter',
        slotId: 'notary.public.slot',
        applicantName: 'notary.public.applicant',
      },
      check: (form) => ({
        matterType: form.matterType ? undefined : 'notary.public.choose_matter',
        slotId: form.slotId ? undefined : 'notary.public.choose_slot',
      }),
      input: (form) => ({
        matterType: form.matterType,
        slotId: form.slotId,
        applicantName: form.applicantName,
      }),
      showsAfter: (result) => {
        const booked = result as { bookingId: string; matterType: string };
        return { booked: booked.bookingId, matter: booked.matterType };
      },
    },
    cancel: {
      procedure: 'cancelOnline',
      fields: { bookingId: 'notary.public.mine' },
      input: (form) => ({ bookingId: form.bookingId }),
      showsAfter: () => ({ cancelled: '1' }),
    },
  },
  // The host draws the page's <h1> from `heading`.
  Component: ({ data, locale, t, IntentForm }) => (
    <>
      {data.confirmation ? (
        <section className="lj-alert lj-alert--success" aria-labelledby="notary-booked">
          <h2 id="notary-booked">{t('notary.public.booked')}</h2>
          <dl>
            <dt>{t('notary.public.case_number')}</dt>
            <dd>{data.confirmation.number}</dd>
            <dt>{t('notary.public.time')}</dt>
            <dd>{data.confirmation.time}</dd>
            <dt>{t('notary.public.place')}</dt>
            <dd>{data.confirmation.place[locale]}</dd>
          </dl>
          {data.confirmation.documents.length > 0 ? (
            <>
              <p>{t('notary.public.bring')}</p>
              <ul>
                {data.confirmation.documents.map((d) => (
                  <li key={d.id}>
                    {d.name[locale]}
                    {d.optional ? t('notary.public.optional') : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {data.cancelled ? (
        <p className="lj-alert lj-alert--success" role="status">
          {t('notary.public.cancelled')}
        </p>
      ) : null}
      <h2>{t('notary.public.mine')}</h2>
      {data.bookings.length === 0 ? (
        <p>{t('notary.public.none_mine')}</p>
      ) : (
        <ul>
          {data.bookings.map((booking) => (
            <li key={booking.id}>
              {booking.time} · {booking.place[locale]} · {t('notary.public.case_number')} {booking.number}
              <IntentForm
                intent="cancel"
                title={t('notary.public.cancel', { time: booking.time })}
                submit={t('notary.public.cancel_submit')}
                hidden={{ bookingId: booking.id }}
              >
                {() => null}
              </IntentForm>
            </li>
          ))}
        </ul>
      )}
      <p>{t('notary.public.intro')}</p>
      <IntentForm intent="book" title={t('notary.public.form_title')} submit={t('notary.public.submit')}>
        {(f) => {
          const matter = f('matterType');
          const slot = f('slotId');
          return (
            <>
              <RadioChoice legend={t('notary.public.matter')} error={matter.error} id={matter.id}>
                {data.matters.map((m) => (
                  <div key={m.id}>
                    <label className="admin-choice">
                      <input
                        type="radio"
                        name="matterType"
                        value={m.id}
                        defaultChecked={matter.defaultValue === m.id}
                      />{' '}
                      {m.name[locale]}
                    </label>
                    <details>
                      <summary>{t('notary.public.bring')}</summary>
                      <p>{m.description[locale]}</p>
                      <ul>
                        {m.documents.map((d) => (
                          <li key={d.id}>
                            {d.name[locale]}
                            {d.optional ? t('notary.public.optional') : null}
                          </li>
                        ))}
                      </ul>
                    </details>
                  </div>
                ))}
              </RadioChoice>
              <RadioChoice legend={t('notary.public.slot')} error={slot.error} id={slot.id}>
                {data.slots.length === 0 ? <p>{t('notary.public.no_slots')}</p> : null}
                {data.slots.map((s) => (
                  <label key={s.id} className="admin-choice">
                    <input
                      type="radio"
                      name="slotId"
                      value={s.id}
                      disabled={s.full}
                      defaultChecked={slot.defaultValue === s.id}
                    />{' '}
                    {s.time} · {s.place[locale]}（
                    {s.full ? t('notary.public.full') : t('notary.public.places_left', { count: s.left })}）
                  </label>
                ))}
              </RadioChoice>
              <TextField {...f('applicantName')} label={t('notary.public.applicant')} autoComplete="name" />
            </>
          );
        }}
      </IntentForm>
    </>
  ),
});
