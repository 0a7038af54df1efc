import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { ReferenceCaseSource } from './knowledge.ts';
import { placementSpace } from './plugin-manifest.ts';
import type { CaseProcedureContext } from './procedure-context.ts';
import { anyCaseProcedure, caseProcedure } from './procedures.ts';
import { exampleManifest, issuesOf } from './test-fixtures.ts';

const cite = anyCaseProcedure({
  kind: 'query',
  permission: 'case-notes.note.read',
  input: z.object({ caseId: z.uuid() }),
  async run(ctx, input) {
    expectTypeOf(ctx).toEqualTypeOf<CaseProcedureContext>();
    return { caseId: input.caseId, number: ctx.case.number };
  },
});

const source: ReferenceCaseSource = { search: async () => [] };

/** A knowledge plugin as the registry takes it: nothing to take residents in for. */
const knowledgeManifest = () => ({
  id: 'case-notes',
  version: '1.0.0',
  sdkVersion: '1.x',
  kind: 'knowledge' as const,
  name: { 'zh-CN': '办案笔记', en: 'Case notes' },
  description: { 'zh-CN': '法律知识', en: 'Legal knowledge' },
  catalogue: [],
  categories: [],
  intakeForm: z.object({}),
  deadlines: { defaultWorkingDays: 1 },
  permissions: [
    { id: 'case-notes.note.read', label: { 'zh-CN': '查看', en: 'Read' }, grantedWith: 'case.read' },
  ],
  procedures: { cite },
  adminRoutes: [
    {
      id: 'notes',
      path: 'case-notes',
      label: { 'zh-CN': '办案笔记', en: 'Case notes' },
      permission: 'case.read',
      placement: ['case-tools' as const],
    },
  ],
  referenceCases: source,
});

describe('knowledge plugins', () => {
  it('are taken with no catalogue, categories, form or time limit, an any-case procedure, case tools and reference cases', () => {
    expect(issuesOf(knowledgeManifest())).toEqual({});
  });

  it('are refused with something to take a resident in for, naming each field', () => {
    const service = exampleManifest();
    expect(
      issuesOf({
        ...knowledgeManifest(),
        catalogue: service.catalogue,
        categories: service.categories,
        intakeForm: service.intakeForm,
        deadlines: { defaultWorkingDays: 30 },
      }),
    ).toEqual({
      catalogue: 'must be empty for a knowledge plugin',
      categories: 'must be empty for a knowledge plugin',
      intakeForm: 'must be z.object({}) for a knowledge plugin',
      deadlines: 'must be { defaultWorkingDays: 1 } for a knowledge plugin',
    });
  });

  it('are refused a case procedure and a case-service screen: they have no cases of their own', () => {
    const onOwnCase = caseProcedure({ ...cite });
    const manifest = knowledgeManifest();
    expect(
      issuesOf({
        ...manifest,
        procedures: { cite: onOwnCase },
        adminRoutes: [{ ...manifest.adminRoutes[0], placement: ['case-service'] }],
      }),
    ).toEqual({
      'procedures.cite': 'is a case procedure, but a knowledge plugin has no cases: use anyCaseProcedure',
      'adminRoutes.0.placement': 'lists case-service, but a knowledge plugin has no cases: use case-tools',
    });
  });

  it('have plain kebab-case ids, not an X add-on’s', () => {
    expect(issuesOf({ ...knowledgeManifest(), id: 'x-case-notes' })).toMatchObject({
      id: 'of a knowledge plugin must not start with "x-"',
    });
  });
});

describe('a service', () => {
  it('still needs a catalogue entry and a category', () => {
    expect(
      issuesOf({
        ...exampleManifest(),
        catalogue: [],
        categories: [],
        deadlines: { defaultWorkingDays: 30 },
      }),
    ).toEqual({
      catalogue: 'needs at least one entry',
      categories: 'needs at least one category',
    });
  });

  it('may not declare what only a knowledge plugin may: any-case procedures, case tools, reference cases', () => {
    const service = exampleManifest();
    expect(
      issuesOf({
        ...service,
        procedures: {
          cite: anyCaseProcedure({ ...cite, permission: 'mediation.case.view' }),
        },
        adminRoutes: [{ ...knowledgeManifest().adminRoutes[0], path: 'mediation' }],
        referenceCases: source,
      }),
    ).toEqual({
      'procedures.cite': 'works on any case, which only a knowledge plugin may do',
      'adminRoutes.0.placement': 'lists case-tools, which only a knowledge plugin may',
      referenceCases: 'is for knowledge plugins only',
    });
  });
});

describe('anyCaseProcedure', () => {
  it('has the any-case scope and needs the case in its input', () => {
    expect(cite.scope).toBe('any-case');
    expect(() => anyCaseProcedure({ ...cite, input: z.object({ question: z.string() }) } as never)).toThrow(
      'input must have "caseId"',
    );
  });
});

describe('case-tools screens', () => {
  it('are below a case, as a service’s case screens are', () => {
    expect(placementSpace('case-tools')).toBe('case');
    expect(placementSpace('case-service')).toBe('case');
    expect(placementSpace('navigation')).toBe('district');
  });
});
