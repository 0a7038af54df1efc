import type { PluginMessageKey } from '@linju/plugin-sdk';
import { formatDateTime, type ProcedureResult, type ScreenProps } from '@linju/plugin-sdk/admin';
import { Alert, Button, SelectField, TextField } from '@linju/ui';
import { Form } from 'react-router';
import type { messages } from '../messages.ts';
import type { slotsPage } from '../procedures/slots-page.ts';

type Key = PluginMessageKey<typeof messages>;
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
  const nameOf = (name: { 'zh-CN': string; en: string }) =>
    locale === 'en' && name.en ? name.en : name['zh-CN'];
  const office = offices.find((o) => o.id === officeId);
  return (
    <>
      {done ? (
        <Alert tone="success">
          <p>{t('notary.slots.done')}</p>
        </Alert>
      ) : null}
      <p>{t('notary.slots.intro', { days })}</p>
      <Form method="get" className="lj-form admin-inline-form">
        <SelectField name="office" id="office" label={t('notary.page.office')} defaultValue={officeId}>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {nameOf(o.name)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t('notary.page.show_slots')}
        </Button>
      </Form>

      <h2>{t('notary.slots.book_of', { office: office ? nameOf(office.name) : '' })}</h2>
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
