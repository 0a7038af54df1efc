import { describe, expect, it } from 'vitest';
import { hardshipFieldName, readHardship } from './read-hardship.ts';

describe('the hardship declaration of a legal-aid application', () => {
  it('is read as the plugin keeps it, figures as numbers', () => {
    const form = new FormData();
    form.set(hardshipFieldName('householdSize'), ' 3 ');
    form.set(hardshipFieldName('monthlyHouseholdIncome'), '4,200.50');
    form.set(hardshipFieldName('incomeSources'), '退休金');
    form.set(hardshipFieldName('truthfulnessPledge'), 'on');
    expect(readHardship(form)).toEqual({
      householdSize: 3,
      monthlyHouseholdIncome: 4200.5,
      incomeSources: '退休金',
      truthfulnessPledge: true,
    });
  });

  it('is left out when nothing was filled (an exempt applicant)', () => {
    expect(readHardship(new FormData())).toBeUndefined();
  });

  it('keeps what is not a figure as text, so the schema names the field', () => {
    const form = new FormData();
    form.set(hardshipFieldName('householdSize'), '三口人');
    expect(readHardship(form)).toEqual({ householdSize: '三口人' });
  });
});
