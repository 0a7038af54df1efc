import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLUGIN_TURBO_JSON, renderXPlugin, scaffoldXPlugin } from './plugin-new.ts';

const repo = join(import.meta.dirname, '..', '..', '..', '..');
// Inside apps/cli so the generated module resolves @linju/plugin-sdk and zod like a workspace package.
const sandbox = join(import.meta.dirname, '..', '..', '.data', 'scaffold');
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

// The scaffolded plugin's own test, written out and collected with this file: it must pass as generated.
const ownTest = join(sandbox, 'x-own-test');
// (Without its tsconfig, which extends the repository's by a path that holds only under plugins/.)
for (const [file, content] of Object.entries(renderXPlugin('x-own-test')).filter(
  ([f]) => f !== 'tsconfig.json',
)) {
  mkdirSync(join(ownTest, file, '..'), { recursive: true });
  writeFileSync(join(ownTest, file), content);
}
await import(join(ownTest, 'src', 'plugin.test.ts'));

describe('linju plugin new', () => {
  it('renders a plugin whose manifest the SDK accepts, with a working intake form', async () => {
    const dir = join(sandbox, 'x-render');
    // Its tsconfig extends the repository's by a path that holds only under plugins/.
    const files = Object.entries(renderXPlugin('x-psychology')).filter(([file]) => file !== 'tsconfig.json');
    for (const [file, content] of files) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), content);
    }
    const { plugin } = await import(join(dir, 'src', 'plugin.ts'));
    const { createPluginRegistry } = await import('@linju/plugin-sdk');
    const registry = createPluginRegistry([plugin]);
    expect(registry.get('x-psychology').kind).toBe('x');
    expect(registry.validateIntake('x-psychology', { topic: '心理疏导预约' }).ok).toBe(true);
    // The extension points, minimally: an activity the worker registers, procedures the API mounts
    // under the plugin's id, its messages, a page of a case its own screen shows.
    expect(registry.activities().map(({ activity }) => activity.name)).toEqual([
      'x-psychology.remind-follow-up',
    ]);
    expect(Object.keys(plugin.procedures)).toEqual(['page', 'recordNote']);
    expect(plugin.messages['zh-CN']['x-psychology.page.title']).toBe('{number} 的特色服务办理');
    // Its permission, carried by a platform permission (the registry knows the platform's here).
    expect(
      createPluginRegistry([plugin], { platformPermissions: ['case.read', 'case.handle'] }).permissions(),
    ).toMatchObject([{ id: 'x-psychology.case.handle', grantedWith: 'case.handle' }]);
    expect(registry.adminRoutes()).toMatchObject([
      {
        pluginId: 'x-psychology',
        id: 'case-page',
        path: 'x-psychology',
        placement: ['case-service'],
      },
    ]);
  });

  it('writes the package and lists it in the composition root', () => {
    const root = join(sandbox, 'repo');
    mkdirSync(join(root, 'packages', 'plugins', 'src'), { recursive: true });
    for (const file of ['installed-plugins.ts', 'admin.ts']) {
      cpSync(join(repo, 'packages', 'plugins', 'src', file), join(root, 'packages', 'plugins', 'src', file));
    }
    cpSync(
      join(repo, 'packages', 'plugins', 'package.json'),
      join(root, 'packages', 'plugins', 'package.json'),
    );
    const written = scaffoldXPlugin(root, 'x-labour-clinic');
    expect(written).toContain('plugins/x-labour-clinic/src/plugin.test.ts');
    // Its screen, which the admin app hosts: no module of the admin app is written for it.
    expect(written).toContain('plugins/x-labour-clinic/src/admin/case-screen.tsx');
    expect(written.filter((file) => file.startsWith('apps/'))).toEqual([]);
    const composition = readFileSync(
      join(root, 'packages', 'plugins', 'src', 'installed-plugins.ts'),
      'utf8',
    );
    expect(composition).toContain("import { plugin as xLabourClinic } from '@linju/plugin-x-labour-clinic';");
    expect(composition).toMatch(/installedPlugins = \[[^\]]*, xLabourClinic\] as const/);
    expect(composition).not.toMatch(/,\s*,/); // no hole in the list, however it was formatted
    const admins = readFileSync(join(root, 'packages', 'plugins', 'src', 'admin.ts'), 'utf8');
    expect(admins).toContain("import * as xLabourClinic from '@linju/plugin-x-labour-clinic/admin';");
    expect(admins).toMatch(/pluginAdmins: readonly PluginAdmin\[\] = \[[^\]]*, xLabourClinic\]/);
    expect(
      JSON.parse(readFileSync(join(root, 'packages', 'plugins', 'package.json'), 'utf8')).dependencies,
    ).toHaveProperty('@linju/plugin-x-labour-clinic');
  });

  it('gives the plugin the turbo.json every plugin has: the API it is tested through is an input of its typecheck', () => {
    expect(renderXPlugin('x-psychology')['turbo.json']).toBe(PLUGIN_TURBO_JSON);
    for (const plugin of readdirSync(join(repo, 'plugins'), { withFileTypes: true }).filter((e) =>
      e.isDirectory(),
    )) {
      expect(readFileSync(join(repo, 'plugins', plugin.name, 'turbo.json'), 'utf8'), plugin.name).toBe(
        PLUGIN_TURBO_JSON,
      );
    }
  });

  it('refuses an id that is not x-<name>', () => {
    expect(() => scaffoldXPlugin(sandbox, 'psychology')).toThrow(/not a valid X plugin id/);
    expect(() => scaffoldXPlugin(repo, 'x-render'.replace('render', ''))).toThrow();
  });
});
