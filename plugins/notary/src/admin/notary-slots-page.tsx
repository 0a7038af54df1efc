import { formatDateTime, type ProcedureResult, type ScreenProps } from '@linju/plugin-sdk/admin';
import { Alert, TextField } from '@linju/ui';
import type { slotsPage } from '../procedures/slots-page.ts';
import type { Key } from './key.ts';
import { OfficeChooser, officeName } from './office-chooser.tsx';

export type NotarySlotsPageData = ProcedureResult<typeof slotsPage>;

/** The notary offices' appointment book: an office's slots in the coming weeks, and a form to offer one. */
export function NotarySlotsPage({
  data,
  locale,
  IntentForm,
  t,
  done,
}: ScreenProps<NotarySlotsPageData, Key>) {
  const { offices, officeId, slots, days } = data;
  const office = offices.find((o) => o.id === officeId);
  return (
    <>
      {done ? (
        <Alert tone="success">
          <p>{t('notary.slots.done')}</p>
        </Alert>
      ) : null}
      <p>{t('notary.slots.intro', { days })}</p>
      <OfficeChooser offices={offices} officeId={officeId} locale={locale} t={t} />

      <h2>{t('notary.slots.book_of', { office: office ? officeName(office, locale) : '' })}</h2>
      {slots.length === 0 ? (
        <p>{t('notary.slots.none')}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('notary.slots.starts_at')}</th>
              <th scope="col">{t('notary.slots.ends_at')}</th>
              <th scope="col">{t('notary.slots.booked')}</th>
              <th scope="col">{t('notary.slots.state')}</th>
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
                      ? 'notary.slots.withdrawn'
                      : s.booked >= s.capacity
                        ? 'notary.slots.full'
                        : 'notary.slots.open',
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <IntentForm
        intent="slot"
        title={t('notary.slots.create')}
        submit={t('notary.slots.create_submit')}
        hidden={{ organisationId: officeId }}
      >
        {(f) => (
          <>
            <TextField {...f('startsAt')} type="datetime-local" label={t('notary.slots.starts_at')} />
            <TextField {...f('endsAt')} type="datetime-local" label={t('notary.slots.ends_at')} />
            <TextField
              {...f('capacity')}
              inputMode="numeric"
              label={t('notary.slots.capacity')}
              hint={t('notary.slots.capacity_hint')}
              defaultValue={f('capacity').defaultValue ?? '2'}
            />
          </>
        )}
      </IntentForm>
    </>
  );
}
