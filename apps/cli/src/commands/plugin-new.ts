import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from '@linju/db';

const ID = /^x-[a-z][a-z0-9-]{1,38}$/;

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Every plugin's turbo.json: its tests compile the API's test harness, imported by its path, so
 * the API (and all it imports) is an input of its typecheck, which turbo would not know otherwise.
 */
export const PLUGIN_TURBO_JSON = `{
  "$schema": "https://turbo.build/schema.json",
  "extends": ["//"],
  "tasks": {
    // The plugin's tests compile the API's test harness, imported by its path (a package
    // dependency on the API would be a cycle): the API and all it imports are inputs too.
    "typecheck": { "dependsOn": ["topo", "^build", "@linju/api#topo"] }
  }
}
`;

/**
 * The files of a new X plugin, the smallest complete plugin: its manifest, a page query and one
 * change as procedures, its messages, its case screen, and a test that fails if it breaks.
 */
export function renderXPlugin(id: string): Record<string, string> {
  const pkg = `@linju/plugin-${id}`;
  return {
    'package.json': `${JSON.stringify(
      {
        name: pkg,
        version: '0.1.0',
        private: true,
        type: 'module',
        exports: { '.': './src/index.ts', './admin': './src/admin/index.ts' },
        scripts: { typecheck: 'tsc -p .' },
        dependencies: {
          '@linju/plugin-sdk': 'workspace:*',
          '@linju/ui': 'workspace:*',
          react: 'catalog:',
          zod: 'catalog:',
        },
        devDependencies: {
          '@types/node': 'catalog:',
          '@types/react': '19.3.0',
          typescript: 'catalog:',
          vitest: 'catalog:',
        },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json':
      '{ "extends": "../../tsconfig.base.json", "compilerOptions": { "jsx": "react-jsx" }, "include": ["src"] }\n',
    'turbo.json': PLUGIN_TURBO_JSON,
    'src/index.ts': "export * from './plugin.ts';\n",
    'src/intake-form.ts': `import { field } from '@linju/plugin-sdk';
import { z } from 'zod';

/** The intake form: what the front desk records for this service (labels in both languages). */
export const intakeForm = z.object({
  topic: field(z.string().trim().min(2).max(200), { label: { 'zh-CN': '事由', en: 'Topic' } }),
  details: field(z.string().trim().max(4000).optional(), { label: { 'zh-CN': '详细情况', en: 'Details' } }),
});
`,
    'src/messages.ts': `import { defineMessages } from '@linju/plugin-sdk';

/** The plugin's texts: its page and the refusals of its rules (every key starts with "${id}."). */
export const messages = defineMessages('${id}', {
  'zh-CN': {
    '${id}.page.title': '{number} 的特色服务办理',
    '${id}.page.topic': '事由',
    '${id}.page.record': '记录办理情况',
    '${id}.page.note': '办理情况',
    '${id}.page.save': '保存',
    '${id}.case_closed': '案件已办结，不能再记录。',
  },
  en: {
    '${id}.page.title': 'Local service for {number}',
    '${id}.page.topic': 'Topic',
    '${id}.page.record': 'Record what was done',
    '${id}.page.note': 'What was done',
    '${id}.page.save': 'Save',
    '${id}.case_closed': 'The case is closed: nothing more can be recorded.',
  },
});
`,
    'src/admin-routes.ts': `import type { AdminRoute } from '@linju/plugin-sdk';

/** The page of a case of this service, at /t/<district>/cases/<id>/${id}, linked from the case page. */
export const adminRoutes = [
  {
    id: 'case-page',
    path: '${id}',
    label: { 'zh-CN': '特色服务办理', en: 'Local service' },
    permission: 'case.read',
    placement: ['case-service'],
  },
] as const satisfies readonly AdminRoute[];
`,
    'src/procedures/page.ts': `import { caseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { intakeForm } from '../intake-form.ts';

/** Everything the case screen shows, in one call: the case and its intake's topic. */
export const page = caseProcedure({
  kind: 'query',
  permission: '${id}.case.handle',
  input: z.object({ caseId: z.uuid() }),
  async run(ctx) {
    const form = intakeForm.safeParse(ctx.case.form);
    return {
      case: { number: ctx.case.number, status: ctx.case.status },
      topic: form.success ? form.data.topic : '',
    };
  },
});
`,
    'src/procedures/record-note.ts': `import { caseProcedure, PluginRuleError } from '@linju/plugin-sdk';
import { z } from 'zod';

/** Records what was done on the case's timeline (the entry is also the audit entry). */
export const recordNote = caseProcedure({
  kind: 'mutation',
  permission: '${id}.case.handle',
  input: z.object({ caseId: z.uuid(), note: z.string().trim().min(2).max(2000) }),
  async run(ctx, input) {
    if (ctx.case.status === 'closed') throw new PluginRuleError('conflict', '${id}.case_closed');
    await ctx.recordOnTimeline({ text: input.note, action: '${id}.note.recorded' });
    return { recorded: true };
  },
});
`,
    'src/plugin.ts': `import { definePlugin, pluginActivity } from '@linju/plugin-sdk';
import { z } from 'zod';
import { adminRoutes } from './admin-routes.ts';
import { intakeForm } from './intake-form.ts';
import { messages } from './messages.ts';
import { page } from './procedures/page.ts';
import { recordNote } from './procedures/record-note.ts';

export { intakeForm };

/** ${id}: a local add-on service (X). Rename, describe and extend it; the test keeps it valid. */
export const plugin = definePlugin({
  id: '${id}',
  version: '0.1.0',
  sdkVersion: '1.x',
  kind: 'x',
  name: { 'zh-CN': '特色服务', en: '${id}' },
  description: { 'zh-CN': '街镇自选的特色法律服务', en: 'A local service chosen by the street office' },
  catalogue: [
    {
      id: '${id}-service',
      name: { 'zh-CN': '特色服务', en: 'Local service' },
      description: { 'zh-CN': '由街镇工作站提供', en: 'Offered by the street station' },
    },
  ],
  categories: [{ id: 'general', name: { 'zh-CN': '一般事项', en: 'General' } }],
  intakeForm,
  deadlines: { defaultWorkingDays: 5 },
  // Held by whoever holds the platform permission \`grantedWith\` on the case's unit; the platform
  // checks it on the case before each of the plugin's procedures runs.
  permissions: [
    {
      id: '${id}.case.handle',
      label: { 'zh-CN': '办理特色服务案件', en: 'Handle ${id} matters' },
      grantedWith: 'case.handle',
    },
  ],
  // Mounted by the API at \`${id}.page\` and \`${id}.recordNote\`.
  procedures: { page, recordNote },
  messages,
  // Work the platform's workflows run (Temporal activities, registered by the worker by name).
  // Add \`schedule: 'daily'\` to have every district run it each morning.
  activities: [
    pluginActivity({
      name: '${id}.remind-follow-up',
      description: { 'zh-CN': '提醒回访', en: 'Reminds the desk of a follow-up' },
      input: z.object({ caseId: z.uuid() }),
      async run(ctx, input) {
        ctx.logger.info('follow-up due', { caseId: input.caseId });
        return { reminded: input.caseId };
      },
    }),
  ],
  // Its case screen (src/admin), hosted by the admin app.
  adminRoutes,
});
`,
    'src/admin/index.ts': `import { caseScreen } from './case-screen.tsx';

export { adminRoutes } from '../admin-routes.ts';
export { messages } from '../messages.ts';

export const pluginId = '${id}';

/** The plugin's screens, hosted by the admin app. */
export const adminScreens = [caseScreen];
`,
    'src/admin/case-screen.tsx': `import { type ProcedureResult, caseScreen as screen } from '@linju/plugin-sdk/admin';
import { TextArea } from '@linju/ui';
import type { messages } from '../messages.ts';
import type { page } from '../procedures/page.ts';

type Data = ProcedureResult<typeof page>;
type Key = keyof (typeof messages)['zh-CN'];

/** The case page of this service: the intake's topic, and a form recording what was done. */
export const caseScreen = screen<Data, Key>({
  id: 'case-page',
  page: 'page',
  heading: (data, t) => ({
    title: t('${id}.page.title', { number: data.case.number }),
    caseNumber: data.case.number,
  }),
  intents: {
    record: {
      procedure: 'recordNote',
      fields: { note: '${id}.page.note' },
      input: (form, at) => ({ caseId: at.caseId, note: form.note ?? '' }),
      done: 'record',
    },
  },
  Component: ({ data, t, IntentForm }) => (
    <>
      <p>
        {t('${id}.page.topic')}：{data.topic}
      </p>
      <IntentForm intent="record" title={t('${id}.page.record')} submit={t('${id}.page.save')}>
        {(field) => <TextArea {...field('note')} label={t('${id}.page.note')} rows={4} />}
      </IntentForm>
    </>
  ),
});
`,
    'src/plugin.test.ts': `import { type CaseProcedureContext, createPluginRegistry, type PluginTaskContext } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { plugin } from './plugin.ts';

const caseId = '0b7c9a52-6f0e-4c1a-9d8e-2f4b1c3d5e6f';

/** A case procedure's context: the case in hand, and a timeline keeping what it is told. */
function caseContext(status: string, timeline: string[]) {
  return {
    case: { id: caseId, number: 'XH-2026-000001', status, form: { topic: '咨询社区特色服务' } },
    recordOnTimeline: async (note: { text: string }) => void timeline.push(note.text),
  } as unknown as CaseProcedureContext;
}

describe('${id} plugin', () => {
  const registry = createPluginRegistry([plugin]);

  it('has a valid manifest, with its messages in both languages', () => {
    expect(registry.get('${id}').kind).toBe('x');
    expect(Object.keys(plugin.messages?.['zh-CN'] ?? {})).toEqual(Object.keys(plugin.messages?.en ?? {}));
  });

  it('accepts a realistic intake and names the field of a bad one', () => {
    expect(registry.validateIntake('${id}', { topic: '咨询社区特色服务' }).ok).toBe(true);
    const bad = registry.validateIntake('${id}', { topic: '' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(['topic']);
  });

  it('gives its screen the case, and records a note on the timeline until the case is closed', async () => {
    const timeline: string[] = [];
    const { page, recordNote } = plugin.procedures ?? {};
    expect(await page?.run(caseContext('in-progress', timeline), { caseId })).toEqual({
      case: { number: 'XH-2026-000001', status: 'in-progress' },
      topic: '咨询社区特色服务',
    });
    await recordNote?.run(caseContext('in-progress', timeline), { caseId, note: '已电话回访' });
    expect(timeline).toEqual(['已电话回访']);
    await expect(
      recordNote?.run(caseContext('closed', timeline), { caseId, note: '再次回访' }),
    ).rejects.toThrow('${id}.case_closed');
  });

  it('declares its activity and its page of a case', async () => {
    const [activity] = registry.activities().map((registered) => registered.activity);
    const logged: string[] = [];
    const ctx: PluginTaskContext = {
      tenantId: 'demo',
      logger: { debug() {}, info: (message) => logged.push(message), warn() {}, error() {} },
      db: { tenantId: 'demo', query: async () => [], audit: async () => {} },
    };
    expect(activity?.name).toBe('${id}.remind-follow-up');
    expect(await activity?.run(ctx, activity.input.parse({ caseId }))).toEqual({ reminded: caseId });
    expect(logged).toEqual(['follow-up due']);
    expect(registry.adminRoutes().map((route) => route.path)).toEqual([plugin.id]);
  });

  it('declares its permission, carried by the platform permission case.handle', () => {
    expect(registry.permission('${id}.case.handle').grantedWith).toBe('case.handle');
  });
});
`,
  };
}

/**
 * Adds the plugin to a list of the composition root: its import after the last plugin's, its entry
 * at the end of `list` (`installedPlugins = [...]`, `pluginAdmins: … = [...]`).
 */
function listIn(root: string, file: string, importLine: string, list: string, name: string): void {
  const path = join(root, file);
  const source = readFileSync(path, 'utf8');
  const imports = [...source.matchAll(/^import .* from '@linju\/plugin-[a-z0-9-]+(?:\/admin)?';$/gm)];
  const lastImport = imports.at(-1);
  const withImport = lastImport ? source.replace(lastImport[0], `${lastImport[0]}\n${importLine}`) : source;
  const withEntry = withImport.replace(
    new RegExp(`(${list}(?::[^=]+)? = )\\[([^\\]]*)\\]`),
    (_, head: string, entries: string) => `${head}[${entries.trimEnd().replace(/,$/, '')}, ${name}]`,
  );
  if (withEntry === source || !withEntry.includes(`, ${name}]`)) {
    throw new SetupError(`Could not list the plugin in ${file}.`, `Add ${name} to ${list} by hand.`);
  }
  writeFileSync(path, withEntry);
}

/**
 * `linju plugin new x-<name>`: writes plugins/x-<name>/ (manifest, procedures, messages, its case
 * screen, its test) and lists it in the composition root, `packages/plugins`: the installed
 * plugins, their admin sides and the package's dependencies. Run `pnpm install` afterwards.
 */
export function scaffoldXPlugin(root: string, id: string): string[] {
  if (!ID.test(id)) {
    throw new SetupError(
      `"${id}" is not a valid X plugin id.`,
      'Use x- and lower-case words: linju plugin new x-psychology',
    );
  }
  const dir = join(root, 'plugins', id);
  if (existsSync(dir))
    throw new SetupError(`plugins/${id} exists already.`, 'Choose another name or edit that plugin.');
  const written: string[] = [];
  for (const [file, content] of Object.entries(renderXPlugin(id))) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
    written.push(join('plugins', id, file));
  }
  const name = camel(id);
  const installed = 'packages/plugins/src/installed-plugins.ts';
  listIn(
    root,
    installed,
    `import { plugin as ${name} } from '@linju/plugin-${id}';`,
    'installedPlugins',
    name,
  );
  const admins = 'packages/plugins/src/admin.ts';
  listIn(root, admins, `import * as ${name} from '@linju/plugin-${id}/admin';`, 'pluginAdmins', name);
  const rootPackage = join(root, 'packages', 'plugins', 'package.json');
  const pkg = JSON.parse(readFileSync(rootPackage, 'utf8')) as { dependencies: Record<string, string> };
  pkg.dependencies[`@linju/plugin-${id}`] = 'workspace:*';
  pkg.dependencies = Object.fromEntries(
    Object.entries(pkg.dependencies).sort(([a], [b]) => a.localeCompare(b)),
  );
  writeFileSync(rootPackage, `${JSON.stringify(pkg, null, 2)}\n`);
  written.push(installed, admins, 'packages/plugins/package.json');
  return written;
}
