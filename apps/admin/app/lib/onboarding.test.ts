import { describe, expect, it } from 'vitest';
import {
  DRAFT_TEXT_FIELDS,
  draftFromForm,
  emptyDraft,
  firstStepWithErrors,
  nextStep,
  ONBOARDING_FIELD_FOR_PATH,
  ONBOARDING_FIELDS,
  type OnboardingDraft,
  onboardingRequest,
  previousStep,
  stepErrors,
  stepOfField,
} from './onboarding.ts';

/** The services a district may start with, as the platform-onboard page offers the installed core plugins. */
const OFFERED = ['x-advice', 'x-disputes', 'x-rent-clinic'];
const EMPTY_DRAFT = emptyDraft(OFFERED);

const changning: OnboardingDraft = {
  ...EMPTY_DRAFT,
  slug: 'changning',
  nameZh: '长宁区司法局',
  nameEn: 'Changning District Justice Bureau',
  divisionCode: '310105',
  centreNameZh: '长宁区公共法律服务中心',
  centreNameEn: 'Changning PLS Centre',
  adminDisplayName: '管理员',
};

function formOf(draft: OnboardingDraft): FormData {
  const form = new FormData();
  for (const name of DRAFT_TEXT_FIELDS) form.set(name, draft[name]);
  for (const service of draft.services) form.append('services', service);
  return form;
}

describe('the draft', () => {
  it('round-trips through the posted form, normalising case and dropping unknown or repeated services', () => {
    const form = formOf({ ...changning, slug: 'ChangNing', adminUsername: 'Admin' });
    form.append('services', 'x-disputes');
    form.append('services', 'astrology');
    const draft = draftFromForm(form, OFFERED);
    expect(draft.slug).toBe('changning');
    expect(draft.adminUsername).toBe('admin');
    expect(draft.services).toEqual(changning.services);
  });

  it('keeps "no services" as an answer', () => {
    expect(draftFromForm(formOf({ ...changning, services: [] }), OFFERED).services).toEqual([]);
  });
});

describe('stepErrors', () => {
  it('passes a complete draft at every step', () => {
    for (const step of ['identity', 'branding', 'admin', 'services', 'review'] as const) {
      expect(stepErrors(step, changning), step).toEqual({});
    }
  });

  it('names each missing or malformed field of the identity step', () => {
    expect(stepErrors('identity', { ...EMPTY_DRAFT, slug: 'Bad Slug', divisionCode: '3101' })).toEqual({
      slug: 'tenant.slug_invalid',
      nameZh: 'validation.required',
      nameEn: 'validation.required',
      divisionCode: 'tenant.division_code_invalid',
      centreNameZh: 'validation.required',
      centreNameEn: 'validation.required',
    });
    expect(stepErrors('identity', { ...changning, nameZh: '区'.repeat(101) })).toEqual({
      nameZh: 'validation.too_long',
    });
  });

  it('checks the colour and the administrator', () => {
    expect(stepErrors('branding', { ...changning, colour: 'red' })).toEqual({
      colour: 'tenant.colour_invalid',
    });
    expect(stepErrors('admin', { ...changning, adminUsername: 'Wang Min!' })).toEqual({
      adminUsername: 'staff.username_invalid',
    });
  });
});

describe('moving between steps', () => {
  it('goes forward and back without leaving the wizard', () => {
    expect(nextStep('identity')).toBe('branding');
    expect(nextStep('review')).toBe('review');
    expect(previousStep('branding')).toBe('identity');
    expect(previousStep('identity')).toBe('identity');
  });

  it('sends the operator back to the step of the first field the API refused', () => {
    expect(stepOfField('colour')).toBe('branding');
    expect(stepOfField('password')).toBe('review');
    expect(firstStepWithErrors(['adminUsername', 'slug'])).toBe('identity');
    expect(firstStepWithErrors(['password'])).toBeUndefined();
  });

  it('maps every API path it names to a field the wizard has', () => {
    for (const field of Object.values(ONBOARDING_FIELD_FOR_PATH)) expect(ONBOARDING_FIELDS).toContain(field);
  });
});

describe('onboardingRequest', () => {
  it('builds what platform.tenant.create takes', () => {
    expect(onboardingRequest({ ...changning, colour: '#B4232A' }, 'Temp-pass-1234')).toEqual({
      slug: 'changning',
      nameZh: '长宁区司法局',
      nameEn: 'Changning District Justice Bureau',
      divisionCode: '310105',
      timeZone: 'Asia/Shanghai',
      branding: { colour: '#b4232a' },
      services: OFFERED,
      centre: { nameZh: '长宁区公共法律服务中心', nameEn: 'Changning PLS Centre' },
      firstAdmin: { username: 'admin', displayName: '管理员', password: 'Temp-pass-1234' },
    });
  });
});
