import { type CaseScreenProps, formatDateTime, type ProcedureResult } from '@linju/plugin-sdk/admin';
import { Button, Checkbox, CsrfField, failureOf, SelectField, TextField, useTranslate } from '@linju/ui';
import { Form, useActionData } from 'react-router';
import { GREEN_CHANNEL_GROUPS } from '../green-channel.ts';
import type { page } from '../procedures/page.ts';
import type { Key } from './key.ts';
import { OfficeChooser } from './office-chooser.tsx';

export type NotaryCasePageData = ProcedureResult<typeof page>;

/**
 * The notary page of a case: the intake's flags, the documents checklist to tick, and the
 * appointment — the live one to cancel, or an office's free slots to book.
 */
export function NotaryCasePage({ data, locale, IntentForm, t }: CaseScreenProps<NotaryCasePageData, Key>) {
  const { case: c, checklist, bookings, offices, officeId, slots, free } = data;
  const live = bookings.find((b) => b.cancelledAt === null);
  const platformT = useTranslate();
  const refusedDocuments = failureOf(useActionData(), 'documents')?.errors;
  const receivedError = refusedDocuments?.fields.received
    ? platformT(refusedDocuments.fields.received, refusedDocuments.params)
    : undefined;
  const slotTime = (slotId: string) => {
    const slot = slots.find((s) => s.id === slotId);
    return slot ? formatDateTime(locale, slot.startsAt) : t('notary.page.slot_elsewhere');
  };
  const greenLabel = (g: string) => t(`notary.page.green_${g}` as Key);
  const intakeFlags = [
    c.expedited ? t('notary.page.expedited') : null,
    c.greenChannelReason ? `${t('notary.page.green_channel')}：${greenLabel(c.greenChannelReason)}` : null,
    c.remote ? t('notary.page.remote') : null,
  ].filter(Boolean);

  return (
    <>
      {intakeFlags.length > 0 ? <p>{intakeFlags.join(' · ')}</p> : null}

      <section aria-labelledby="checklist-heading">
        <h2 id="checklist-heading">{t('notary.page.checklist')}</h2>
        {checklist ? (
          <>
            {checklist.complete ? (
              <p>{t('notary.page.checklist_complete')}</p>
            ) : (
              <>
                <p>{t('notary.page.missing', { count: checklist.missing.length })}</p>
                <ul aria-label={t('notary.page.missing_list')}>
                  {checklist.items
                    .filter((i) => checklist.missing.includes(i.id))
                    .map((i) => (
                      <li key={i.id}>{i.name[locale]}</li>
                    ))}
                </ul>
              </>
            )}
            {/* Open on the page rather than folded: ticking what came in is the desk's everyday work. */}
            <Form method="post" className="lj-form" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="documents" />
              <fieldset className={receivedError ? 'lj-field lj-field--error' : 'lj-field'}>
                <legend className="lj-field__label">{t('notary.page.tick_received')}</legend>
                {receivedError ? (
                  <p className="lj-field__error" id="documents-received">
                    {receivedError}
                  </p>
                ) : null}
                {checklist.items.map((i) => (
                  <Checkbox
                    key={i.id}
                    name="received"
                    id={`received-${i.id}`}
                    value={i.id}
                    defaultChecked={i.received}
                    label={`${i.name[locale]}${i.optional ? t('notary.page.optional') : ''}`}
                  />
                ))}
              </fieldset>
              <Button type="submit">{t('notary.page.save_documents')}</Button>
            </Form>
          </>
        ) : (
          <p>{t('notary.case_has_no_matter')}</p>
        )}
      </section>

      <section aria-labelledby="booking-heading">
        <h2 id="booking-heading">{t('notary.page.booking')}</h2>
        {bookings.length > 0 ? (
          <ul>
            {bookings.map((b) => (
              <li key={b.id}>
                {slotTime(b.slotId)}
                {b.expedited ? ` · ${t('notary.page.expedited')}` : ''}
                {b.greenChannel ? ` · ${t('notary.page.green_channel')}：${greenLabel(b.greenChannel)}` : ''}
                {b.homeVisitAddress ? ` · ${t('notary.page.home_visit')}：${b.homeVisitAddress}` : ''}
                {b.cancelledAt
                  ? ` · ${t('notary.page.cancelled', { at: formatDateTime(locale, b.cancelledAt) })}`
                  : ` · ${t('notary.page.live')}`}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('notary.page.no_booking')}</p>
        )}
        {live ? (
          <IntentForm
            intent="cancel"
            title={t('notary.page.cancel')}
            submit={t('notary.page.cancel_submit')}
            hidden={{ bookingId: live.id }}
          >
            {(f) => <TextField {...f('reason')} label={t('notary.page.cancel_reason')} />}
          </IntentForm>
        ) : (
          <>
            <OfficeChooser offices={offices} officeId={officeId} locale={locale} t={t} />
            {free.length === 0 ? (
              <p>{t('notary.page.no_free_slots')}</p>
            ) : (
              <IntentForm intent="book" title={t('notary.page.book')} submit={t('notary.page.book_submit')}>
                {(f) => {
                  const slot = f('slotId');
                  return (
                    <>
                      <fieldset className={slot.error ? 'lj-field lj-field--error' : 'lj-field'}>
                        <legend className="lj-field__label">{t('notary.page.free_slots')}</legend>
                        {slot.error ? (
                          <p className="lj-field__error" id={slot.id}>
                            {slot.error}
                          </p>
                        ) : null}
                        {free.map((s) => (
                          <label key={s.id} className="admin-choice">
                            <input type="radio" name="slotId" value={s.id} />{' '}
                            {formatDateTime(locale, s.startsAt)}（
                            {t('notary.page.places_left', { count: s.capacity - s.booked })}）
                          </label>
                        ))}
                      </fieldset>
                      <Checkbox name="expedited" id="book-expedited" label={t('notary.page.expedited')} />
                      <SelectField {...f('greenChannel')} label={t('notary.page.green_channel')}>
                        <option value="">{t('notary.page.green_none')}</option>
                        {GREEN_CHANNEL_GROUPS.map((g) => (
                          <option key={g} value={g}>
                            {greenLabel(g)}
                          </option>
                        ))}
                      </SelectField>
                      <TextField
                        {...f('homeVisitAddress')}
                        label={t('notary.page.home_visit_address')}
                        hint={t('notary.page.home_visit_hint')}
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
