import type { Locale } from '@linju/plugin-sdk';
import type { PluginTranslate } from '@linju/plugin-sdk/admin';
import type { ExpertPoolMessageKey } from '../messages.ts';
import {
  type Availability,
  EXPERT_KIND_NAMES,
  type ExpertKind,
  LAW_FIELD_NAMES,
  type LawField,
} from '../vocabulary.ts';

/** The names the screens show for the pool's words, in the page's locale. */
export const kindLabel = (kind: ExpertKind, locale: Locale) => EXPERT_KIND_NAMES[kind][locale];
export const fieldLabel = (field: LawField, locale: Locale) => LAW_FIELD_NAMES[field][locale];

/** Where an expert stands today, with the pause's last day. */
export const availabilityLabel = (
  t: PluginTranslate<ExpertPoolMessageKey>,
  expert: { availableOn: Availability; pausedUntil: string | null },
) =>
  expert.availableOn === 'paused'
    ? t('expert-pool.expert.availability.paused', { date: expert.pausedUntil ?? '' })
    : t(`expert-pool.expert.availability.${expert.availableOn}`);
