import { z } from 'zod';
import { definePlugin } from './define-plugin.ts';
import { field } from './intake-field.ts';
import type { AnyPlugin, PluginManifest } from './plugin-manifest.ts';
import { PluginManifestError } from './plugin-manifest-error.ts';

/** The issues definePlugin reports for a manifest, field → message. */
export function issuesOf(manifest: unknown): Record<string, string> {
  try {
    definePlugin(manifest as AnyPlugin);
  } catch (error) {
    if (!(error instanceof PluginManifestError)) throw error;
    return Object.fromEntries(error.issues.map((issue) => [issue.field, issue.message]));
  }
  return {};
}

/** A small but complete manifest, in the shape of the mediation plugin, for the SDK's own tests. */
export function exampleManifest() {
  const intakeForm = z.object({
    summary: field(z.string().trim().min(5), { label: { 'zh-CN': '纠纷概要', en: 'Summary' } }),
    category: field(z.enum(['family', 'neighbours']), {
      label: { 'zh-CN': '纠纷类型', en: 'Dispute type' },
      options: {
        family: { 'zh-CN': '家事纠纷', en: 'Family' },
        neighbours: { 'zh-CN': '相邻关系纠纷', en: 'Neighbours' },
      },
    }),
    parties: field(
      z
        .array(
          z.object({
            name: field(z.string().min(1), { label: { 'zh-CN': '姓名', en: 'Name' } }),
            role: field(z.enum(['applicant', 'respondent']), {
              label: { 'zh-CN': '身份', en: 'Role' },
              options: {
                applicant: { 'zh-CN': '申请人', en: 'Applicant' },
                respondent: { 'zh-CN': '被申请人', en: 'Respondent' },
              },
            }),
          }),
        )
        .min(2),
      { label: { 'zh-CN': '当事人', en: 'Parties' } },
    ),
  });
  return {
    id: 'mediation',
    version: '1.0.0',
    sdkVersion: '1.x',
    kind: 'core',
    name: { 'zh-CN': '人民调解', en: "People's mediation" },
    description: { 'zh-CN': '化解民间纠纷', en: 'Resolves disputes between residents' },
    catalogue: [
      {
        id: 'dispute-mediation',
        name: { 'zh-CN': '纠纷调解', en: 'Dispute mediation' },
        description: { 'zh-CN': '调解员居中调解', en: 'A mediator helps the parties agree' },
      },
    ],
    categories: [
      { id: 'family', name: { 'zh-CN': '家事纠纷', en: 'Family' } },
      { id: 'neighbours', name: { 'zh-CN': '相邻关系纠纷', en: 'Neighbours' } },
    ],
    intakeForm,
    deadlines: { defaultWorkingDays: 30, byCategory: { neighbours: 15 } },
    permissions: [
      {
        id: 'mediation.case.view',
        label: { 'zh-CN': '查看调解案件', en: 'View mediation cases' },
        grantedWith: 'case.read',
      },
      {
        id: 'mediation.agreement.create',
        label: { 'zh-CN': '制作调解协议书', en: 'Draw up mediation agreements' },
        grantedWith: 'case.handle',
        dependsOn: ['mediation.case.view'],
      },
    ],
    statistics: [{ id: 'agreements', label: { 'zh-CN': '达成协议数', en: 'Agreements reached' } }],
  } satisfies PluginManifest<typeof intakeForm, 'mediation'>;
}
