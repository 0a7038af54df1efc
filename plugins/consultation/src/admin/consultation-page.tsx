import type { PluginMessageKey } from '@linju/plugin-sdk';
import { type CaseScreenProps, formatDateTime, type ProcedureResult } from '@linju/plugin-sdk/admin';
import { SelectField, TextArea, TextField } from '@linju/ui';
import { Link } from 'react-router';
import type { messages } from '../messages.ts';
import type { page } from '../procedures/page.ts';
import { CONSULTATION_CHANNELS, FOLLOW_UPS } from '../vocabulary.ts';

type Key = PluginMessageKey<typeof messages>;
export type ConsultationPageData = ProcedureResult<typeof page>;

/**
 * The consultation page of a case: its log and the form to write an answer into it, the lawyer
 * advisers on duty in the unit, and the unit's durations this month.
 */
export function ConsultationPage({
  data,
  slug,
  locale,
  IntentForm,
  t,
}: CaseScreenProps<ConsultationPageData, Key>) {
  const { case: c, logs, onDuty, moreOnDuty, statistics } = data;
  const channelLabel = (ch: string) => t(`consultation.page.channel_${ch}` as Key);
  const followUpLabel = (f: string) => t(`consultation.page.follow_up_${f}` as Key);
  return (
    <>
      <section aria-labelledby="log-heading">
        <h2 id="log-heading">{t('consultation.page.log')}</h2>
        {logs.length > 0 ? (
          <ol>
            {logs.map((log) => (
              <li key={log.id}>
                <p>
                  <strong>{log.topic}</strong> · {channelLabel(log.channel)} ·{' '}
                  <time dateTime={log.heldAt}>{formatDateTime(locale, log.heldAt)}</time> ·{' '}
                  {t('consultation.page.minutes', { count: log.durationMinutes })} · {log.adviserName}
                </p>
                <p className="admin-prewrap">{log.answer}</p>
                <p>
                  {t('consultation.page.follow_up')}：{followUpLabel(log.followUp)}
                  {log.followUpNote ? ` · ${log.followUpNote}` : ''}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('consultation.page.no_logs')}</p>
        )}
        <IntentForm intent="log" title={t('consultation.page.write')} submit={t('consultation.page.submit')}>
          {(f) => (
            <>
              <TextField {...f('topic')} label={t('consultation.page.topic')} />
              <SelectField
                {...f('channel')}
                label={t('consultation.page.channel')}
                defaultValue={f('channel').defaultValue ?? c.channel}
              >
                {CONSULTATION_CHANNELS.map((ch) => (
                  <option key={ch} value={ch}>
                    {channelLabel(ch)}
                  </option>
                ))}
              </SelectField>
              <TextField {...f('adviserName')} label={t('consultation.page.adviser')} />
              <TextField {...f('heldAt')} type="datetime-local" label={t('consultation.page.held_at')} />
              <TextField
                {...f('durationMinutes')}
                inputMode="numeric"
                label={t('consultation.page.duration')}
              />
              <TextArea {...f('answer')} label={t('consultation.page.answer')} rows={5} />
              <SelectField {...f('followUp')} label={t('consultation.page.follow_up')}>
                {FOLLOW_UPS.map((x) => (
                  <option key={x} value={x}>
                    {followUpLabel(x)}
                  </option>
                ))}
              </SelectField>
              <TextArea
                {...f('followUpNote')}
                label={t('consultation.page.follow_up_note')}
                hint={t('consultation.page.follow_up_note_hint')}
                rows={2}
              />
            </>
          )}
        </IntentForm>
      </section>

      <section aria-labelledby="duty-heading">
        <h2 id="duty-heading">{t('consultation.page.on_duty')}</h2>
        {onDuty.length > 0 ? (
          <ul>
            {onDuty.map((a) => (
              <li key={a.id}>
                {a.lawyerName}（{a.lawFirm}）· {a.room ? roomName(a.room, locale) : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('consultation.page.no_duty')}</p>
        )}
        <p>
          {moreOnDuty > 0 ? (
            <>
              <Link to={`/t/${slug}/advisers`}>
                {t('consultation.page.more_advisers', { count: moreOnDuty })}
              </Link>
              {' · '}
            </>
          ) : null}
          <Link to={`/t/${slug}/rosters`}>{t('consultation.page.rota')}</Link>
        </p>
      </section>

      {statistics ? (
        <section aria-labelledby="durations-heading">
          <h2 id="durations-heading">{t('consultation.page.durations')}</h2>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('consultation.page.channel')}</th>
                <th scope="col">{t('consultation.page.count')}</th>
                <th scope="col">{t('consultation.page.total')}</th>
                <th scope="col">{t('consultation.page.average')}</th>
                <th scope="col">{t('consultation.page.longest')}</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...CONSULTATION_CHANNELS.map((ch) => [ch, statistics.byChannel[ch]] as const),
                ['all', statistics.all] as const,
              ].map(([ch, s]) => (
                <tr key={ch}>
                  <th scope="row">{ch === 'all' ? t('consultation.page.all') : channelLabel(ch)}</th>
                  <td>{s.consultations}</td>
                  <td>{t('consultation.page.minutes', { count: s.totalMinutes })}</td>
                  <td>{t('consultation.page.minutes', { count: s.averageMinutes })}</td>
                  <td>{t('consultation.page.minutes', { count: s.longestMinutes })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}

/** A room's name in the page's language (its Chinese name when it has no English one). */
const roomName = (name: { 'zh-CN': string; en: string }, locale: 'zh-CN' | 'en') =>
  locale === 'en' && name.en ? name.en : name['zh-CN'];
