import type { Locale } from '@linju/plugin-sdk';
import type { PluginTranslate } from '@linju/plugin-sdk/admin';
import { CitedText, statuteArticleHref } from '@linju/ui';
import type { ReactNode } from 'react';
import type { AnswerView } from '../answer-view.ts';
import { shortLawName } from '../citation.ts';
import type { LegalAssistantKey } from '../messages.ts';

type Service = AnswerView['services'][number];

const VERDICT_KEYS = {
  valid: 'legal-assistant.answer.citation_valid',
  repealed: 'legal-assistant.answer.citation_repealed',
  missing: 'legal-assistant.answer.citation_missing',
} as const;

const yuan = (amount: number, locale: Locale) => amount.toLocaleString(locale, { maximumFractionDigits: 2 });

/**
 * An answer as residents and staff see it: the answer with every citation checked in place, the
 * articles, similar reference cases, the services that fit (each with `serviceAction`: apply, or
 * start intake) and the ways to resolve it side by side.
 */
export function AnswerSection({
  answer,
  locale,
  t,
  serviceAction,
}: {
  readonly answer: AnswerView;
  readonly locale: Locale;
  readonly t: PluginTranslate<LegalAssistantKey>;
  readonly serviceAction: (service: Service) => ReactNode;
}) {
  return (
    <>
      <section aria-labelledby="assistant-answer">
        <h2 id="assistant-answer">{t('legal-assistant.answer.heading')}</h2>
        <p>{t('legal-assistant.answer.asked', { question: answer.question })}</p>
        <p className="admin-prewrap">
          <CitedText text={answer.answer[locale].text} citations={answer.answer[locale].citations} />
        </p>
      </section>
      <section aria-labelledby="assistant-articles">
        <h2 id="assistant-articles">{t('legal-assistant.answer.articles')}</h2>
        {answer.articles.length === 0 ? (
          <p>{t('legal-assistant.answer.no_articles')}</p>
        ) : (
          <ul className="public-list">
            {answer.articles.map((article) => (
              <li key={article.citation}>
                <h3>
                  {article.article === null ? (
                    article.citation
                  ) : (
                    <a href={statuteArticleHref(shortLawName(article.law), article.article)}>
                      {article.citation}
                    </a>
                  )}
                </h3>
                {article.verdict ? (
                  <p>
                    {article.verdict === 'valid' ? (
                      t(VERDICT_KEYS.valid)
                    ) : (
                      <mark>{t(VERDICT_KEYS[article.verdict])}</mark>
                    )}
                  </p>
                ) : null}
                <p className="admin-prewrap">{article.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="assistant-cases">
        <h2 id="assistant-cases">{t('legal-assistant.answer.cases')}</h2>
        {answer.cases.length === 0 ? (
          <p>{t('legal-assistant.answer.no_cases')}</p>
        ) : (
          <ul className="public-list">
            {answer.cases.map((found) => (
              <li key={`${found.pluginId}.${found.id}`}>
                <h3>{found.title}</h3>
                <p>{found.summary}</p>
                {found.statutes.length > 0 ? (
                  <p>{t('legal-assistant.answer.case_statutes', { statutes: found.statutes.join('、') })}</p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="assistant-services">
        <h2 id="assistant-services">{t('legal-assistant.answer.services')}</h2>
        {answer.services.length === 0 ? (
          <p>{t('legal-assistant.answer.no_services')}</p>
        ) : (
          <ul className="public-list">
            {answer.services.map((service) => (
              <li key={service.id}>
                <h3>{service.name[locale]}</h3>
                <p>{service.description[locale]}</p>
                <p>
                  {service.medianDays === null
                    ? t('legal-assistant.answer.no_median')
                    : t('legal-assistant.answer.median_days', { days: service.medianDays })}
                </p>
                {serviceAction(service)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="assistant-paths">
        <h2 id="assistant-paths">{t('legal-assistant.answer.paths')}</h2>
        <ul className="public-list">
          {answer.paths.map((path) => (
            <li key={path.path}>
              <h3>{t(`legal-assistant.path.${path.path}`)}</h3>
              <dl>
                <dt>{t('legal-assistant.answer.fee')}</dt>
                <dd>
                  {path.fee === null
                    ? t('legal-assistant.answer.fee_needs_amount')
                    : path.fee === 0
                      ? t('legal-assistant.answer.free')
                      : t('legal-assistant.answer.fee_yuan', { fee: yuan(path.fee, locale) })}
                </dd>
                <dt>{t('legal-assistant.answer.basis')}</dt>
                <dd>{path.basis}</dd>
                <dt>{t('legal-assistant.answer.time')}</dt>
                <dd>
                  {path.medianDays === null
                    ? t('legal-assistant.answer.no_data')
                    : t('legal-assistant.answer.median_days', { days: path.medianDays })}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
