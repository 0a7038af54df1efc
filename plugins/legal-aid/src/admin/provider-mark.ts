import type { AssigneeCandidate } from '@linju/plugin-sdk';
import type { PluginTranslate } from '@linju/plugin-sdk/admin';
import type { LegalAidKey } from './legal-aid-key.ts';

type ProviderFlags = AssigneeCandidate['providerRecords'];

export const hasProviderRecords = (flags: ProviderFlags) => flags.negativeListed || flags.misconduct > 0;

/**
 * Beside a name to assign: on the negative list, or how many active misconduct records — so whoever
 * assigns sees it before choosing (the platform refuses a listed person without a reason anyway).
 */
export const providerMark = (t: PluginTranslate<LegalAidKey>, flags: ProviderFlags) =>
  [
    flags.negativeListed ? t('legal-aid.page.provider_negative_listed') : null,
    flags.misconduct > 0 ? t('legal-aid.page.provider_misconduct', { count: flags.misconduct }) : null,
  ]
    .filter(Boolean)
    .map((mark) => ` · ${mark}`)
    .join('');
