import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderXPlugin, scaffoldXPlugin } from './plugin-new.ts';

const repo = join(import.meta.dirname, '..', '..', '..', '..');
// Inside apps/cli so the generated module resolves @linju/plugin-sdk and zod like a workspace package.
const sandbox = join(import.meta.dirname, '..', '..', '.data', 'scaffold');
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

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
  });

  it('writes the package and lists it in the composition root', () => {
    const root = join(sandbox, 'repo');
    mkdirSync(join(root, 'packages', 'api', 'src'), { recursive: true });
    cpSync(
      join(repo, 'packages', 'api', 'src', 'plugins.ts'),
      join(root, 'packages', 'api', 'src', 'plugins.ts'),
    );
    cpSync(join(repo, 'packages', 'api', 'package.json'), join(root, 'packages', 'api', 'package.json'));
    const written = scaffoldXPlugin(root, 'x-labour-clinic');
    expect(written).toContain('plugins/x-labour-clinic/src/plugin.test.ts');
    const composition = readFileSync(join(root, 'packages', 'api', 'src', 'plugins.ts'), 'utf8');
    expect(composition).toContain("import { plugin as xLabourClinic } from '@linju/plugin-x-labour-clinic';");
    expect(composition).toMatch(/createPluginRegistry\(\[[^\]]*, xLabourClinic\]\)/);
    expect(composition).not.toMatch(/,\s*,/); // no hole in the list, however it was formatted
    expect(
      JSON.parse(readFileSync(join(root, 'packages', 'api', 'package.json'), 'utf8')).dependencies,
    ).toHaveProperty('@linju/plugin-x-labour-clinic');
  });

  it('refuses an id that is not x-<name>', () => {
    expect(() => scaffoldXPlugin(sandbox, 'psychology')).toThrow(/not a valid X plugin id/);
    expect(() => scaffoldXPlugin(repo, 'x-render'.replace('render', ''))).toThrow();
  });
});
