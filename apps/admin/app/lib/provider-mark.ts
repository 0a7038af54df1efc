import type { MessageKey, MessageParams } from '@linju/i18n';

/** What `case.assignees` says of each candidate: active records only. */
export type ProviderFlags = { misconduct: number; negativeListed: boolean };

type Translate = (key: MessageKey, params?: MessageParams) => string;

export const hasProviderRecords = (flags: ProviderFlags) => flags.negativeListed || flags.misconduct > 0;

/**
 * Beside a name to assign: on the negative list, or how many active misconduct records — so whoever
 * assigns sees it before choosing (the server refuses a listed person without a reason anyway).
 */
export const providerMark = (t: Translate, flags: ProviderFlags) =>
  [
    flags.negativeListed ? t('casePage.provider_negative_listed') : null,
    flags.misconduct > 0 ? t('casePage.provider_misconduct', { count: flags.misconduct }) : null,
  ]
    .filter(Boolean)
    .map((mark) => ` · ${mark}`)
    .join('');
