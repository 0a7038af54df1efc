import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  type CaseScreenProps,
  caseScreen,
  districtScreen,
  intakeExtras,
  type ProcedureResult,
  publicScreen,
} from './admin.ts';
import { caseProcedure } from './procedures.ts';

const page = caseProcedure({
  kind: 'query',
  permission: 'appraisal.case.view',
  input: z.object({ caseId: z.uuid() }),
  run: async () => ({ advice: [{ id: 'a', text: '建议' }] }),
});

describe('admin screens', () => {
  it('are typed by their page query and tagged with where they are hosted', () => {
    const Component = (props: CaseScreenProps<ProcedureResult<typeof page>>) => {
      expectTypeOf(props.data.advice[0]?.text).toEqualTypeOf<string | undefined>();
      return null;
    };
    const screen = caseScreen({
      id: 'case-appraisal',
      page: 'page',
      intents: {
        advise: {
          procedure: 'advise',
          fields: { advice: 'appraisal.advice' },
          input: (form, at) => ({ caseId: at.caseId, advice: form.advice }),
          done: 'advise',
        },
      },
      heading: (data) => ({ title: data.advice[0]?.text ?? '', caseNumber: 'XH-1' }),
      Component,
    });
    expect(screen.kind).toBe('case');
    expect(screen.intents?.advise?.input({ advice: '建议' }, { caseId: 'c' })).toEqual({
      caseId: 'c',
      advice: '建议',
    });
    expect(
      districtScreen({
        id: 'slots',
        page: 'slots',
        heading: () => ({ title: '号源' }),
        Component: () => null,
      }).kind,
    ).toBe('district');
    expect(publicScreen({ id: 'guide', path: 'guide', page: 'guide', Component: () => null }).kind).toBe(
      'public',
    );
  });

  it('let a plugin add fields to the intake form', () => {
    const extras = intakeExtras({
      Component: () => null,
      fields: ['householdSize'],
      toForm: (form) => ({ householdSize: Number(form.get('householdSize')) }),
    });
    const form = new FormData();
    form.set('householdSize', '3');
    expect(extras.toForm(form)).toEqual({ householdSize: 3 });
  });
});
