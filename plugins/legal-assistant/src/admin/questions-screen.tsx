import type { PluginMessageKey } from '@linju/plugin-sdk';
import { districtScreen, formatDateTime, type ProcedureResult } from '@linju/plugin-sdk/admin';
import type { messages } from '../messages.ts';
import type { questions } from '../procedures/questions.ts';
import type { TopicId } from '../topics.ts';

type Key = PluginMessageKey<typeof messages>;

/** The bureau's page (navigation): what residents and staff ask the assistant, by month and by service. */
export const questionsScreen = districtScreen<ProcedureResult<typeof questions>, Key>({
  id: 'questions',
  page: 'questions',
  heading: (_data, t) => ({ title: t('legal-assistant.questions.title') }),
  Component: ({ data, locale, t }) => {
    const serviceName = (id: string | null) =>
      id === null
        ? t('legal-assistant.questions.none_matched')
        : (data.services.find((service) => service.id === id)?.name[locale] ?? id);
    return (
      <>
        <p>{t('legal-assistant.questions.intro')}</p>
        {data.byMonth.length === 0 ? <p>{t('legal-assistant.questions.none')}</p> : null}
        <section aria-labelledby="questions-by-month">
          <h2 id="questions-by-month">{t('legal-assistant.questions.by_month')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('legal-assistant.questions.month')}</th>
                <th scope="col">{t('legal-assistant.questions.count')}</th>
                <th scope="col">{t('legal-assistant.questions.public')}</th>
                <th scope="col">{t('legal-assistant.questions.staff')}</th>
                <th scope="col">{t('legal-assistant.questions.refused')}</th>
              </tr>
            </thead>
            <tbody>
              {data.byMonth.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{month.month}</th>
                  <td>{month.count}</td>
                  <td>{month.public}</td>
                  <td>{month.staff}</td>
                  <td>{month.refused}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="questions-by-service">
          <h2 id="questions-by-service">{t('legal-assistant.questions.by_service')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('legal-assistant.questions.month')}</th>
                <th scope="col">{t('legal-assistant.questions.service')}</th>
                <th scope="col">{t('legal-assistant.questions.count')}</th>
              </tr>
            </thead>
            <tbody>
              {data.byService.map((row) => (
                <tr key={`${row.month}.${row.service ?? ''}`}>
                  <th scope="row">{row.month}</th>
                  <td>{serviceName(row.service)}</td>
                  <td>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="questions-latest">
          <h2 id="questions-latest">{t('legal-assistant.questions.recent')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('legal-assistant.questions.asked_at')}</th>
                <th scope="col">{t('legal-assistant.questions.topic')}</th>
                <th scope="col">{t('legal-assistant.questions.question')}</th>
              </tr>
            </thead>
            <tbody>
              {data.latest.map((asked) => (
                <tr key={asked.id}>
                  <td>{formatDateTime(locale, asked.askedAt)}</td>
                  <td>{t(`legal-assistant.topic.${asked.topic as TopicId}`)}</td>
                  <td>{asked.question}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </>
    );
  },
});
