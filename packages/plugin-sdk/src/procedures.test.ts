import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { definePlugin } from './define-plugin.ts';
import { PluginManifestError } from './plugin-manifest-error.ts';
import type {
  CaseProcedureContext,
  PluginProcedureContext,
  PublicProcedureContext,
} from './procedure-context.ts';
import {
  caseProcedure,
  districtProcedure,
  organisationProcedure,
  publicProcedure,
  unitsProcedure,
} from './procedures.ts';
import { exampleManifest } from './test-fixtures.ts';

const createAgreement = caseProcedure({
  kind: 'mutation',
  permission: 'mediation.agreement.create',
  input: z.object({ caseId: z.uuid(), terms: z.array(z.string()).min(1) }),
  async run(ctx, input) {
    expectTypeOf(ctx).toEqualTypeOf<CaseProcedureContext>();
    expectTypeOf(input.terms).toEqualTypeOf<string[]>();
    await ctx.recordOnTimeline({ text: input.terms.join('\n'), action: 'mediation.agreement.created' });
    return { caseNumber: ctx.case.number };
  },
});

describe('procedures', () => {
  it('carry their scope, kind, permission, input and run', () => {
    expect(createAgreement).toMatchObject({
      scope: 'case',
      kind: 'mutation',
      permission: 'mediation.agreement.create',
    });
    const slots = organisationProcedure({
      kind: 'query',
      permission: 'mediation.case.view',
      input: z.object({ organisationId: z.uuid() }),
      async run(ctx) {
        expectTypeOf(ctx).toEqualTypeOf<PluginProcedureContext>();
        return [];
      },
    });
    expect(slots.scope).toBe('organisation');
    expect(
      districtProcedure({
        kind: 'query',
        permission: 'mediation.case.view',
        input: z.object({}),
        run: async () => 1,
      }).scope,
    ).toBe('district');
    const page = unitsProcedure({
      kind: 'query',
      permission: 'mediation.case.view',
      input: z.object({ unit: z.string().optional() }),
      async run(ctx) {
        expectTypeOf(ctx).toEqualTypeOf<PluginProcedureContext>();
        return [];
      },
    });
    expect(page.scope).toBe('units');
  });

  it('may carry a sample input for the isolation walks, typed by their input', () => {
    const page = unitsProcedure({
      kind: 'query',
      permission: 'mediation.case.view',
      input: z.object({ unit: z.string().optional() }),
      sampleInput: (at) => ({ unit: at.organisationId }),
      run: async () => [],
    });
    expect(page.sampleInput?.({ caseId: 'c', organisationId: 'station' })).toEqual({ unit: 'station' });
    expect(definePlugin({ ...exampleManifest(), procedures: { page } }).procedures?.page).toBe(page);
    unitsProcedure({
      kind: 'query',
      permission: 'mediation.case.view',
      input: z.object({ unit: z.string().optional() }),
      // @ts-expect-error: the sample is an input of the procedure
      sampleInput: (at) => ({ office: at.organisationId }),
      run: async () => [],
    });
    const issues = (() => {
      try {
        definePlugin({
          ...exampleManifest(),
          procedures: { page: { ...page, sampleInput: 'unit' } as never },
        });
      } catch (error) {
        return (error as PluginManifestError).issues;
      }
      return [];
    })();
    expect(issues).toEqual([
      {
        field: 'procedures.page',
        message:
          'must be built with caseProcedure, organisationProcedure, unitsProcedure or districtProcedure',
      },
    ]);
  });

  it('refuse an input without the case or the organisation they are checked on', () => {
    expect(() =>
      caseProcedure({
        kind: 'query',
        permission: 'mediation.case.view',
        // @ts-expect-error: a case procedure's input has caseId
        input: z.object({ id: z.uuid() }),
        run: async () => null,
      }),
    ).toThrow('A case procedure\'s input must have "caseId"');
    expect(() =>
      organisationProcedure({
        kind: 'query',
        permission: 'mediation.case.view',
        // @ts-expect-error: an organisation procedure's input has organisationId
        input: z.object({ caseId: z.uuid() }),
        run: async () => null,
      }),
    ).toThrow('input must have "organisationId"');
  });

  it("are named in camelCase in the manifest and need one of the plugin's permissions", () => {
    expect(definePlugin({ ...exampleManifest(), procedures: { createAgreement } }).procedures).toEqual({
      createAgreement,
    });
    const issuesOf = (procedures: Record<string, unknown>) => {
      try {
        definePlugin({ ...exampleManifest(), procedures: procedures as never });
      } catch (error) {
        expect(error).toBeInstanceOf(PluginManifestError);
        return (error as PluginManifestError).issues;
      }
      return [];
    };
    expect(issuesOf({ 'create-agreement': createAgreement })).toEqual([
      { field: 'procedures.create-agreement', message: 'must be a camelCase name (createSession)' },
    ]);
    expect(issuesOf({ broken: { kind: 'query' } })).toEqual([
      {
        field: 'procedures.broken',
        message:
          'must be built with caseProcedure, organisationProcedure, unitsProcedure or districtProcedure',
      },
    ]);
    try {
      definePlugin({
        ...exampleManifest(),
        procedures: { close: { ...createAgreement, permission: 'mediation.case.close' } },
      });
      expect.unreachable();
    } catch (error) {
      expect((error as PluginManifestError).issues).toEqual([
        {
          field: 'procedures.close.permission',
          message: '"mediation.case.close" is not one of the plugin\'s permissions',
        },
      ]);
    }
  });
});

describe('a manifest with procedures', () => {
  it('keeps each procedure’s kind, input and result as types, for the API to mount them typed', () => {
    const plugin = definePlugin({ ...exampleManifest(), procedures: { createAgreement } });
    expectTypeOf(plugin.procedures?.createAgreement.kind).toEqualTypeOf<'mutation' | undefined>();
    expectTypeOf<Awaited<ReturnType<typeof createAgreement.run>>>().toEqualTypeOf<{ caseNumber: string }>();
  });
});

describe('public procedures', () => {
  it('run for anyone in the district the address names: no permission, the public context', () => {
    const guide = publicProcedure({
      kind: 'query',
      input: z.object({}),
      async run(ctx) {
        expectTypeOf(ctx).toEqualTypeOf<PublicProcedureContext>();
        return { tenantId: ctx.tenantId };
      },
    });
    expect(guide).toMatchObject({ scope: 'public', kind: 'query', permission: '' });
    expect(definePlugin({ ...exampleManifest(), procedures: { guide } }).procedures?.guide).toBe(guide);
  });
});
