import type { MessageKey } from '@linju/i18n';
import { formText } from './form-data.ts';

/** The wizard's steps, in order; `review` shows everything once more before the district is created. */
export const ONBOARDING_STEPS = ['identity', 'branding', 'admin', 'services', 'review'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** Everything the wizard collects, as the form posts it (flat names, strings). */
export interface OnboardingDraft {
  slug: string;
  nameZh: string;
  nameEn: string;
  divisionCode: string;
  timeZone: string;
  centreNameZh: string;
  centreNameEn: string;
  colour: string;
  adminUsername: string;
  adminDisplayName: string;
  services: string[];
}

export const DRAFT_TEXT_FIELDS = [
  'slug',
  'nameZh',
  'nameEn',
  'divisionCode',
  'timeZone',
  'centreNameZh',
  'centreNameEn',
  'colour',
  'adminUsername',
  'adminDisplayName',
] as const satisfies readonly (keyof OnboardingDraft)[];

/** The fields each step asks for. */
export const STEP_FIELDS: Readonly<Record<OnboardingStep, readonly (keyof OnboardingDraft)[]>> = {
  identity: ['slug', 'nameZh', 'nameEn', 'divisionCode', 'timeZone', 'centreNameZh', 'centreNameEn'],
  branding: ['colour'],
  admin: ['adminUsername', 'adminDisplayName'],
  services: ['services'],
  review: [],
};

/** Every field the wizard has, for mapping the API's errors. */
export const ONBOARDING_FIELDS = ONBOARDING_STEPS.flatMap((step) => STEP_FIELDS[step]);

/** How the API's paths name the wizard's fields. */
export const ONBOARDING_FIELD_FOR_PATH: Readonly<Record<string, keyof OnboardingDraft>> = {
  'centre.nameZh': 'centreNameZh',
  'centre.nameEn': 'centreNameEn',
  'branding.colour': 'colour',
  'firstAdmin.username': 'adminUsername',
  'firstAdmin.displayName': 'adminDisplayName',
};

/** The colour a district starts with unless the operator picks another (the server's default too). */
export const DEFAULT_COLOUR = '#b4232a';

/** A new district's draft: every offered service is where it starts; the operator may leave some out. */
export const emptyDraft = (offered: readonly string[]): OnboardingDraft => ({
  slug: '',
  nameZh: '',
  nameEn: '',
  divisionCode: '',
  timeZone: 'Asia/Shanghai',
  centreNameZh: '',
  centreNameEn: '',
  colour: DEFAULT_COLOUR,
  adminUsername: 'admin',
  adminDisplayName: '',
  services: [...offered],
});

export function isOnboardingStep(value: unknown): value is OnboardingStep {
  return typeof value === 'string' && (ONBOARDING_STEPS as readonly string[]).includes(value);
}

/** The draft as posted: visible fields of the current step plus hidden copies of the others; services among those offered. */
export function draftFromForm(form: FormData, offered: readonly string[]): OnboardingDraft {
  const text = Object.fromEntries(
    DRAFT_TEXT_FIELDS.map((name) => [name, formText(form, name).trim()]),
  ) as Record<(typeof DRAFT_TEXT_FIELDS)[number], string>;
  const services = form
    .getAll('services')
    .filter((value): value is string => typeof value === 'string')
    .filter((value, index, all) => offered.includes(value) && all.indexOf(value) === index);
  return {
    ...text,
    slug: text.slug.toLowerCase(),
    adminUsername: text.adminUsername.toLowerCase(),
    services,
  };
}

const SLUG = /^[a-z][a-z0-9-]{1,39}$/;
const DIVISION_CODE = /^[1-8][0-9]{5}$/;
const COLOUR = /^#[0-9a-fA-F]{6}$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/**
 * Checks one step before moving on, so a mistake is shown where it was made rather than at the
 * end. The same rules as the API's (which checks again, and decides what the wizard cannot
 * know, such as a slug already taken or a division code's province).
 */
export function stepErrors(step: OnboardingStep, draft: OnboardingDraft): Record<string, MessageKey> {
  const errors: Record<string, MessageKey | undefined> = {};
  const required = (name: keyof OnboardingDraft) => {
    if (!String(draft[name]).trim()) errors[name] = 'validation.required';
  };
  const tooLong = (name: keyof OnboardingDraft) => {
    if (String(draft[name]).length > 100) errors[name] = 'validation.too_long';
  };
  switch (step) {
    case 'identity':
      for (const name of STEP_FIELDS.identity) {
        required(name);
        tooLong(name);
      }
      if (draft.slug && !SLUG.test(draft.slug)) errors.slug = 'tenant.slug_invalid';
      if (draft.divisionCode && !DIVISION_CODE.test(draft.divisionCode))
        errors.divisionCode = 'tenant.division_code_invalid';
      break;
    case 'branding':
      if (!COLOUR.test(draft.colour)) errors.colour = 'tenant.colour_invalid';
      break;
    case 'admin':
      required('adminUsername');
      required('adminDisplayName');
      tooLong('adminDisplayName');
      if (draft.adminUsername && !USERNAME.test(draft.adminUsername))
        errors.adminUsername = 'staff.username_invalid';
      break;
    case 'services':
    case 'review':
      break;
  }
  return Object.fromEntries(
    Object.entries(errors).filter((entry): entry is [string, MessageKey] => entry[1] !== undefined),
  );
}

/** The step that asks for `field`; the review step for a field no step has. */
export function stepOfField(field: string): OnboardingStep {
  return (
    ONBOARDING_STEPS.find((step) => (STEP_FIELDS[step] as readonly string[]).includes(field)) ?? 'review'
  );
}

/** The first step whose fields have an error, to send the operator back there. */
export function firstStepWithErrors(fields: readonly string[]): OnboardingStep | undefined {
  return ONBOARDING_STEPS.find((step) =>
    fields.some((field) => stepOfField(field) === step && step !== 'review'),
  );
}

export function nextStep(step: OnboardingStep): OnboardingStep {
  return ONBOARDING_STEPS[Math.min(ONBOARDING_STEPS.indexOf(step) + 1, ONBOARDING_STEPS.length - 1)] ?? step;
}

export function previousStep(step: OnboardingStep): OnboardingStep {
  return ONBOARDING_STEPS[Math.max(ONBOARDING_STEPS.indexOf(step) - 1, 0)] ?? step;
}

/** The request for `platform.tenant.create`. The first administrator must change `password` at first sign-in. */
export function onboardingRequest(draft: OnboardingDraft, password: string) {
  return {
    slug: draft.slug,
    nameZh: draft.nameZh,
    nameEn: draft.nameEn,
    divisionCode: draft.divisionCode,
    timeZone: draft.timeZone,
    branding: { colour: draft.colour.toLowerCase() },
    services: draft.services,
    centre: { nameZh: draft.centreNameZh, nameEn: draft.centreNameEn },
    firstAdmin: { username: draft.adminUsername, displayName: draft.adminDisplayName, password },
  };
}
