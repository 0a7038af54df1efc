import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from '@linju/db';

const ID = /^x-[a-z][a-z0-9-]{1,38}$/;

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The files of a new X plugin: the smallest complete plugin, with a test that fails if it breaks. */
export function renderXPlugin(id: string): Record<string, string> {
  const pkg = `@linju/plugin-${id}`;
  return {
    'package.json': `${JSON.stringify(
      {
        name: pkg,
        version: '0.1.0',
        private: true,
        type: 'module',
        exports: { '.': './src/index.ts' },
        scripts: { typecheck: 'tsc -p .' },
        dependencies: { '@linju/plugin-sdk': 'workspace:*', zod: 'catalog:' },
        devDependencies: { '@types/node': 'catalog:', typescript: 'catalog:', vitest: 'catalog:' },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': '{ "extends": "../../tsconfig.base.json", "include": ["src"] }\n',
    'src/index.ts': "export * from './plugin.ts';\n",
    'src/plugin.ts': `import { definePlugin, field, pluginActivity } from '@linju/plugin-sdk';
import { z } from 'zod';

/** The intake form: what the front desk records for this service (labels in both languages). */
export const intakeForm = z.object({
  topic: field(z.string().trim().min(2).max(200), { label: { 'zh-CN': '事由', en: 'Topic' } }),
  details: field(z.string().trim().max(4000).optional(), { label: { 'zh-CN': '详细情况', en: 'Details' } }),
});

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
  // Held by whoever holds the platform permission \`grantedWith\` on the case's unit; the plugin's
  // procedures check it (pluginPermittedProcedure in packages/api/src/trpc.ts).
  permissions: [
    {
      id: '${id}.case.handle',
      label: { 'zh-CN': '办理特色服务事项', en: 'Handle ${id} matters' },
      grantedWith: 'case.handle',
    },
  ],
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
  // The page of a case of this service, at /t/<district>/cases/<id>/${id}, linked from the case page
  // (its module, apps/admin/app/routes/case-${id}.tsx, was written with this plugin).
  adminRoutes: [
    {
      id: 'case-page',
      path: '${id}',
      module: 'case-${id}',
      label: { 'zh-CN': '特色服务办理', en: 'Local service' },
      permission: 'case.read',
      placement: ['case-service'],
    },
  ],
});
`,
    'src/plugin.test.ts': `import { createPluginRegistry, type PluginTaskContext } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { plugin } from './plugin.ts';

describe('${id} plugin', () => {
  const registry = createPluginRegistry([plugin]);

  it('has a valid manifest', () => {
    expect(registry.get('${id}').kind).toBe('x');
  });

  it('accepts a realistic intake and names the field of a bad one', () => {
    expect(registry.validateIntake('${id}', { topic: '咨询社区特色服务' }).ok).toBe(true);
    const bad = registry.validateIntake('${id}', { topic: '' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(['topic']);
  });

  it('declares its activity and its page of a case', async () => {
    const [activity] = registry.activities().map((registered) => registered.activity);
    const logged: string[] = [];
    const ctx: PluginTaskContext = {
      tenantId: 'demo',
      logger: { debug() {}, info: (message) => logged.push(message), warn() {}, error() {} },
      db: { tenantId: 'demo', query: async () => [], audit: async () => {} },
    };
    const caseId = '0b7c9a52-6f0e-4c1a-9d8e-2f4b1c3d5e6f';
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
 * The admin page the new plugin declares (\`adminRoutes\`): \`apps/admin/app/routes/case-<id>.tsx\`,
 * showing a case's intake answers under the plugin's own title. The admin build refuses a
 * declaration whose module is missing, so it is written with the plugin.
 */
export function renderAdminScreen(id: string): string {
  return `import { useLocale, useTranslate } from '@linju/ui';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { optionLabel } from '../lib/core-services.ts';
import { idParam, isForbidden, load } from '../lib/route-errors.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/case-${id}';

/** The service (plugin) whose page this is. */
const SERVICE = '${id}';

/**
 * The ${id} page of a case, declared by the plugin (\`adminRoutes\` in plugins/${id}): the intake
 * answers under the form's own labels, a place to start the service's own work from.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const caseId = params.id;
  idParam(caseId);
  const [found, screens] = await Promise.all([load(caller.case.get({ caseId })), caller.catalogue.screens()]);
  const services = await caller.catalogue
    .getMany({ organisationId: found.currentOrganisationId })
    .catch((error: unknown) => {
      if (isForbidden(error)) return [];
      throw error;
    });
  const fields = services.find((service) => service.pluginId === SERVICE)?.form ?? [];
  const form = (found.form ?? {}) as Record<string, unknown>;
  return {
    case: { id: found.id, number: found.number },
    title: screens.caseService[SERVICE]?.[0]?.label ?? null,
    fields: fields.map(({ key, label, options }) => ({ key, label, options })),
    answers: Object.fromEntries(Object.entries(form).map(([key, value]) => [key, String(value)])),
  };
}

export default function ServicePage({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const { tenant } = useTenantShell();
  const { fields, answers } = loaderData;
  const title = loaderData.title?.[locale] ?? loaderData.case.number;
  return (
    <>
      <DocumentTitle title={title} tenant={tenant} />
      <p>
        <Link to={tenantPaths.case(tenant.slug, loaderData.case.id)}>
          {t('mediationPage.back', { number: loaderData.case.number })}
        </Link>
      </p>
      <h1>{title}</h1>
      <dl className="admin-details">
        {fields
          .filter((field) => answers[field.key] !== undefined)
          .map((field) => (
            <Fragment key={field.key}>
              <dt>{field.label[locale]}</dt>
              <dd>{optionLabel(fields, field.key, answers[field.key], locale)}</dd>
            </Fragment>
          ))}
      </dl>
    </>
  );
}
`;
}

/**
 * `linju plugin new x-<name>`: writes plugins/x-<name>/ and its admin page
 * (apps/admin/app/routes/case-x-<name>.tsx) and lists it in the composition root
 * (packages/api/src/plugins.ts and the API's dependencies). Run `pnpm install` afterwards.
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
  const screen = join('apps', 'admin', 'app', 'routes', `case-${id}.tsx`);
  mkdirSync(join(root, screen, '..'), { recursive: true });
  writeFileSync(join(root, screen), renderAdminScreen(id));
  written.push(screen);

  const rootFile = join(root, 'packages', 'plugins', 'src', 'installed-plugins.ts');
  const source = readFileSync(rootFile, 'utf8');
  const name = camel(id);
  // The new plugin's import goes after the last plugin's, its entry at the end of the list.
  const imports = [...source.matchAll(/^import \{ plugin as \w+ \} from '@linju\/plugin-[a-z0-9-]+';$/gm)];
  const lastImport = imports.at(-1);
  const withImport = lastImport
    ? source.replace(
        lastImport[0],
        `${lastImport[0]}\nimport { plugin as ${name} } from '@linju/plugin-${id}';`,
      )
    : source;
  const withEntry = withImport.replace(
    /installedPlugins = \[([^\]]*)\]/,
    (_, list: string) => `installedPlugins = [${list.trimEnd().replace(/,$/, '')}, ${name}]`,
  );
  if (withEntry === source || !withEntry.includes(`, ${name}]`)) {
    throw new SetupError(
      `Could not list the plugin in packages/plugins/src/installed-plugins.ts.`,
      `Add ${name} to installedPlugins by hand.`,
    );
  }
  writeFileSync(rootFile, withEntry);
  const rootPackage = join(root, 'packages', 'plugins', 'package.json');
  const pkg = JSON.parse(readFileSync(rootPackage, 'utf8')) as { dependencies: Record<string, string> };
  pkg.dependencies[`@linju/plugin-${id}`] = 'workspace:*';
  pkg.dependencies = Object.fromEntries(
    Object.entries(pkg.dependencies).sort(([a], [b]) => a.localeCompare(b)),
  );
  writeFileSync(rootPackage, `${JSON.stringify(pkg, null, 2)}\n`);
  written.push('packages/plugins/src/installed-plugins.ts', 'packages/plugins/package.json');
  return written;
}
