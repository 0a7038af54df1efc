import { type LocalizedText, pluginMessage, type StatuteArticle } from '@linju/plugin-sdk';
import { citationOf } from './citation.ts';
import { type LegalAssistantKey, messages } from './messages.ts';
import type { TopicId } from './topics.ts';

/** How much of an article the answer quotes; the list below it shows the whole text. */
const QUOTED_CHARACTERS = 120;

const quote = (text: string) =>
  text.length > QUOTED_CHARACTERS ? `${text.slice(0, QUOTED_CHARACTERS)}……` : text;

/**
 * The answer without a language model, in both languages: what the law says of the matter, each
 * retrieved article cited as the library writes it (so the citations verify), and that this is
 * information, not a lawyer's advice.
 */
export function composeAnswer(topic: TopicId, articles: readonly StatuteArticle[]): LocalizedText {
  const inLocale = (locale: 'zh-CN' | 'en') => {
    const t = (key: LegalAssistantKey, params?: Record<string, string>) =>
      pluginMessage(messages, locale, key, params);
    const cited = articles.filter((article) => article.article !== null);
    return [
      t(`legal-assistant.template.intro.${topic}`),
      ...(cited.length === 0
        ? [t('legal-assistant.template.no_articles')]
        : cited.map((article) =>
            t('legal-assistant.template.article', {
              citation: citationOf(article),
              text: quote(article.text),
            }),
          )),
      t('legal-assistant.template.closing'),
    ].join('\n');
  };
  return { 'zh-CN': inLocale('zh-CN'), en: inLocale('en') };
}
