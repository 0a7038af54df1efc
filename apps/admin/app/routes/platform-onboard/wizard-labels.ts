import type { MessageKey } from '@linju/i18n';
import type { OnboardingDraft, OnboardingStep } from '../../lib/onboarding.ts';

/** Each field's label, in its step, the review and the error summary. */
export const FIELD_LABELS: Readonly<Record<keyof OnboardingDraft, MessageKey>> = {
  slug: 'onboard.slug',
  nameZh: 'onboard.name_zh',
  nameEn: 'onboard.name_en',
  divisionCode: 'onboard.division_code',
  timeZone: 'onboard.time_zone',
  centreNameZh: 'onboard.centre_name_zh',
  centreNameEn: 'onboard.centre_name_en',
  colour: 'onboard.colour',
  adminUsername: 'onboard.admin_username',
  adminDisplayName: 'onboard.admin_display_name',
  services: 'onboard.services',
};

export const FIELD_HINTS: Partial<Record<keyof OnboardingDraft, MessageKey>> = {
  slug: 'onboard.slug_hint',
  divisionCode: 'onboard.division_code_hint',
  colour: 'onboard.colour_hint',
  adminUsername: 'onboard.admin_username_hint',
  services: 'onboard.services_hint',
};

export const STEP_LABELS: Readonly<Record<OnboardingStep, MessageKey>> = {
  identity: 'onboard.step_identity',
  branding: 'onboard.step_branding',
  admin: 'onboard.step_admin',
  services: 'onboard.step_services',
  review: 'onboard.step_review',
};
