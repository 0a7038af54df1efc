import { type KnowledgeCapabilities, PluginRuleError } from '@linju/plugin-sdk';
import type { StatuteRelied } from './reference-case-library.ts';

/**
 * The articles a proposal cites, each checked against the statute library: none cited, one the
 * library lacks, or one no longer in force, is refused at the statutes' field.
 */
export async function statutesRelied(
  knowledge: KnowledgeCapabilities,
  written: string,
): Promise<StatuteRelied[]> {
  const checks = await knowledge.statutes.checkCitations(written);
  if (checks.length === 0) {
    throw new PluginRuleError('bad-request', 'reference-cases.statutes_none', { field: 'statutes' });
  }
  if (checks.some((check) => check.verdict === 'missing')) {
    throw new PluginRuleError('bad-request', 'reference-cases.statute_missing', { field: 'statutes' });
  }
  if (checks.some((check) => check.verdict === 'repealed')) {
    throw new PluginRuleError('bad-request', 'reference-cases.statute_repealed', { field: 'statutes' });
  }
  return checks.map(({ written: citation, law, article }) => ({ written: citation, law, article }));
}
