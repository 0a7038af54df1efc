import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { definePlugin } from './define-plugin.ts';
import { field } from './intake-field.ts';
import type { PluginContext } from './plugin-context.ts';
import { PluginManifestError } from './plugin-manifest-error.ts';
import { exampleManifest } from './test-fixtures.ts';

/** Runs definePlugin on a manifest and returns the issues it reports, field → message. */
function issuesOf(manifest: unknown): Record<string, string> {
  try {
    definePlugin(manifest as ReturnType<typeof exampleManifest>);
  } catch (error) {
    if (!(error instanceof PluginManifestError)) throw error;
    return Object.fromEntries(error.issues.map((issue) => [issue.field, issue.message]));
  }
  return {};
}

describe('definePlugin', () => {
  it('returns a valid manifest unchanged', () => {
    const manifest = exampleManifest();
    expect(definePlugin(manifest)).toBe(manifest);
  });

  it('keeps the literal id and passes the intake form type to the hooks', () => {
    const plugin = definePlugin({
      ...exampleManifest(),
      hooks: {
        onCaseCreated(ctx, event) {
          expectTypeOf(ctx).toEqualTypeOf<PluginContext>();
          expectTypeOf(event.form.parties[0]?.role).toEqualTypeOf<'applicant' | 'respondent' | undefined>();
          expectTypeOf(event.form.category).toEqualTypeOf<'family' | 'neighbours'>();
          expectTypeOf(event.caseId).toBeString();
        },
      },
    });
    expectTypeOf(plugin.id).toEqualTypeOf<'mediation'>();
    expectTypeOf(plugin.intakeForm.shape.summary).toEqualTypeOf<z.ZodString>();
  });

  it('names the plugin and the field in the error', () => {
    const manifest = { ...exampleManifest(), version: 'one' };
    expect(() => definePlugin(manifest)).toThrow(
      'Plugin "mediation": version: must be a semantic version (1.2.3)',
    );
  });

  it('calls a manifest without an id "(unknown)"', () => {
    expect(() => definePlugin({ ...exampleManifest(), id: 42 } as never)).toThrow(/^Plugin "\(unknown\)"/);
  });

  it('requires kebab-case ids, and the x- prefix exactly for X add-ons', () => {
    expect(issuesOf({ ...exampleManifest(), id: 'Mediation' })).toHaveProperty('id');
    expect(issuesOf({ ...exampleManifest(), kind: 'x' })).toEqual({
      id: 'of an X add-on must start with "x-"',
    });
    expect(issuesOf({ ...exampleManifest(), id: 'x-mediation' })).toMatchObject({
      id: 'of a core plugin must not start with "x-"',
    });
  });

  it('requires both locales, with Chinese in zh-CN', () => {
    expect(issuesOf({ ...exampleManifest(), name: { 'zh-CN': 'Mediation', en: 'Mediation' } })).toEqual({
      'name.zh-CN': 'must be written in Chinese',
    });
    expect(issuesOf({ ...exampleManifest(), description: { 'zh-CN': '调解' } })).toHaveProperty(
      'description.en',
    );
  });

  it('refuses duplicate ids in the catalogue, categories, permissions and statistics', () => {
    const manifest = exampleManifest();
    expect(
      issuesOf({ ...manifest, categories: [...manifest.categories, { ...manifest.categories[0] }] }),
    ).toEqual({ 'categories.2.id': 'duplicates "family"' });
  });

  it('accepts a documents checklist on a catalogue entry, with unique ids', () => {
    const manifest = exampleManifest();
    const idCard = { id: 'id-card', name: { 'zh-CN': '身份证', en: 'ID card' } };
    const withDocuments = (requiredDocuments: unknown[]) => ({
      ...manifest,
      catalogue: [{ ...manifest.catalogue[0], requiredDocuments }],
    });
    expect(issuesOf(withDocuments([idCard, { ...idCard, id: 'agreement-draft', optional: true }]))).toEqual(
      {},
    );
    expect(issuesOf(withDocuments([idCard, idCard]))).toEqual({
      'catalogue.0.requiredDocuments': 'has two documents with one id',
    });
  });

  it('refuses deadlines for categories the plugin does not have, and impossible time limits', () => {
    expect(
      issuesOf({ ...exampleManifest(), deadlines: { defaultWorkingDays: 30, byCategory: { debts: 10 } } }),
    ).toEqual({
      'deadlines.byCategory.debts': "is not one of the plugin's categories",
    });
    expect(issuesOf({ ...exampleManifest(), deadlines: { defaultWorkingDays: 0.5 } })).toHaveProperty(
      'deadlines.defaultWorkingDays',
    );
  });

  it('requires permissions under the plugin id with known, acyclic dependencies', () => {
    const label = { 'zh-CN': '权限', en: 'Permission' };
    expect(
      issuesOf({
        ...exampleManifest(),
        permissions: [
          { id: 'notary.case.view', label, grantedWith: 'case.read' },
          { id: 'mediation.case.view', label, grantedWith: 'case.read', dependsOn: ['mediation.case.close'] },
          { id: 'mediation.case.open', label, grantedWith: 'Case Handle' },
        ],
      }),
    ).toEqual({
      'permissions.0.id': 'must start with "mediation."',
      'permissions.1.dependsOn': 'names "mediation.case.close", which this plugin does not declare',
      'permissions.2.grantedWith': 'must name the platform permission that carries it, such as case.handle',
    });
    expect(
      issuesOf({
        ...exampleManifest(),
        permissions: [
          { id: 'mediation.a.view', label, grantedWith: 'case.read', dependsOn: ['mediation.b.view'] },
          { id: 'mediation.b.view', label, grantedWith: 'case.read', dependsOn: ['mediation.a.view'] },
        ],
      }),
    ).toEqual({
      permissions: 'have a dependency cycle: mediation.a.view → mediation.b.view → mediation.a.view',
    });
  });

  it('requires an intake form whose fields, nested ones and enum values included, are labelled', () => {
    expect(issuesOf({ ...exampleManifest(), intakeForm: { summary: 'text' } })).toEqual({
      intakeForm: 'must be a zod object schema',
    });
    const intakeForm = z.object({
      summary: z.string(),
      channel: field(z.enum(['walk-in', 'hotline']), {
        label: { 'zh-CN': '渠道', en: 'Channel' },
        options: { 'walk-in': { 'zh-CN': '来访', en: 'Walk-in' } },
      }),
      parties: field(z.array(z.object({ name: z.string() })), {
        label: { 'zh-CN': '当事人', en: 'Parties' },
      }),
      themes: field(z.array(z.enum(['constitution', 'civil-code'])), {
        label: { 'zh-CN': '主题', en: 'Themes' },
      }),
    });
    expect(issuesOf({ ...exampleManifest(), intakeForm })).toEqual({
      'intakeForm.summary': 'has no label; wrap it in field(schema, { label })',
      'intakeForm.channel': 'has no label for hotline',
      'intakeForm.parties.*.name': 'has no label; wrap it in field(schema, { label })',
      'intakeForm.themes': 'has no label for constitution, civil-code',
    });
  });

  it('refuses unknown manifest keys, which are usually typos', () => {
    expect(issuesOf({ ...exampleManifest(), deadline: { defaultWorkingDays: 5 } })).toEqual({
      '': 'Unrecognized key: "deadline"',
    });
  });

  it('takes a demo seed as a function', () => {
    const manifest = { ...exampleManifest(), demo: async () => {} };
    expect(definePlugin(manifest)).toBe(manifest);
    expect(issuesOf({ ...exampleManifest(), demo: 'seed.sql' })).toEqual({ demo: 'must be a function' });
  });
});
