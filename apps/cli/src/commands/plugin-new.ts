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
    'src/plugin.ts': `import { definePlugin, field } from '@linju/plugin-sdk';
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
  permissions: [{ id: '${id}.case.handle', label: { 'zh-CN': '办理特色服务事项', en: 'Handle ${id} matters' } }],
});
`,
    'src/plugin.test.ts': `import { createPluginRegistry } from '@linju/plugin-sdk';
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
});
`,
  };
}

/**
 * `linju plugin new x-<name>`: writes plugins/x-<name>/ and lists it in the composition root
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

  const rootFile = join(root, 'packages', 'api', 'src', 'plugins.ts');
  const source = readFileSync(rootFile, 'utf8');
  const name = camel(id);
  // The new plugin's import goes just before the SDK's, whatever the SDK import names.
  const withImport = source.replace(
    /^import \{[^}]*\} from '@linju\/plugin-sdk';$/m,
    (sdkImport) => `import { plugin as ${name} } from '@linju/plugin-${id}';\n${sdkImport}`,
  );
  const withEntry = withImport.replace(
    /createPluginRegistry\(\[([^\]]*)\]\)/,
    (_, list: string) => `createPluginRegistry([${list.trim().replace(/,$/, '')}, ${name}])`,
  );
  if (withEntry === source || !withEntry.includes(`, ${name}])`)) {
    throw new SetupError(
      'Could not list the plugin in packages/api/src/plugins.ts.',
      `Add ${name} to createPluginRegistry([...]) by hand.`,
    );
  }
  writeFileSync(rootFile, withEntry);
  const apiPackage = join(root, 'packages', 'api', 'package.json');
  const pkg = JSON.parse(readFileSync(apiPackage, 'utf8')) as { dependencies: Record<string, string> };
  pkg.dependencies[`@linju/plugin-${id}`] = 'workspace:*';
  pkg.dependencies = Object.fromEntries(
    Object.entries(pkg.dependencies).sort(([a], [b]) => a.localeCompare(b)),
  );
  writeFileSync(apiPackage, `${JSON.stringify(pkg, null, 2)}\n`);
  written.push('packages/api/src/plugins.ts', 'packages/api/package.json');
  return written;
}
