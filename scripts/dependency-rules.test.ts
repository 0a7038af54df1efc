import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ICruiseResult } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The dependency check must be able to fail: a tiny monorepo breaking every rule of
 * `.dependency-cruiser.mjs` once, cruised with the real config by the real CLI. A rule added
 * without a violation here fails the first test, so no rule can silently match nothing.
 */
const root = join(import.meta.dirname, '..');

/** One file per line: its path, then what it imports. */
const violating: Record<string, string[]> = {
  'packages/core/src/cases/case-service.ts': [
    '../statistics/case-rollups.ts',
    '../../../../apps/admin/app/root.tsx',
    '../../../auth/src/session.ts',
  ],
  'packages/core/src/statistics/case-rollups.ts': ['../cases/case-service.ts'],
  'packages/core/src/referrals/referral-service.ts': ['../../../api/src/router.ts'],
  'packages/db/src/schema.ts': ['../../auth/src/session.ts'],
  'packages/auth/src/session.ts': ['../../core/src/statistics/case-rollups.ts'],
  'packages/workflows/src/referral/activities.ts': ['../../../api/src/router.ts'],
  'packages/workflows/src/referral/referral-workflow.ts': ['node:crypto', './activities.ts'],
  'packages/api/src/router.ts': ['../../../plugins/mediation/src/index.ts'],
  'packages/i18n/src/messages.ts': ['../../core/src/cases/case-service.ts'],
  'packages/vocabulary/src/roles.ts': ['node:fs'],
  'plugins/mediation/src/index.ts': ['../../../packages/core/src/cases/case-service.ts'],
  'plugins/notary/src/index.ts': ['../../mediation/src/index.ts'],
  'apps/worker/src/worker.ts': ['../../cli/src/cli.ts', '../../../plugins/notary/src/index.ts'],
  'apps/cli/src/cli.ts': [],
  'apps/admin/app/root.tsx': [],
  'apps/server/src/server.ts': ['../../worker/src/worker.ts'],
};

/** The arrows the rules allow, which must stay quiet. */
const allowed: Record<string, string[]> = {
  'packages/core/src/cases/case-service.ts': ['../calendar/working-days.ts', '../../../auth/src/session.ts'],
  'packages/core/src/calendar/working-days.ts': ['../../../vocabulary/src/roles.ts'],
  'packages/auth/src/session.ts': ['../../db/src/schema.ts'],
  'packages/db/src/schema.ts': [],
  'packages/vocabulary/src/roles.ts': [],
  'packages/plugin-sdk/src/index.ts': [],
  'packages/api/src/router.ts': ['../../core/src/cases/case-service.ts', '../../workflows/src/index.ts'],
  'packages/workflows/src/index.ts': ['./referral/referral-workflow.ts'],
  'packages/workflows/src/referral/activities.ts': ['node:fs'],
  'packages/workflows/src/referral/definitions.ts': [],
  'packages/workflows/src/referral/referral-workflow.ts': ['./definitions.ts', 'type:./activities.ts'],
  'plugins/mediation/src/index.ts': [
    '../../../packages/plugin-sdk/src/index.ts',
    '../../../packages/vocabulary/src/roles.ts',
  ],
  'apps/admin/app/root.tsx': ['../../../packages/api/src/router.ts'],
  'apps/server/src/server.ts': ['../../admin/app/root.tsx', '../../../packages/api/src/router.ts'],
};

function writeRepo(dir: string, files: Record<string, string[]>) {
  writeFileSync(
    join(dir, 'tsconfig.base.json'),
    '{ "compilerOptions": { "allowImportingTsExtensions": true } }',
  );
  for (const [file, imports] of Object.entries(files)) {
    mkdirSync(join(dir, dirname(file)), { recursive: true });
    const lines = imports.map((target, i) =>
      target.startsWith('type:')
        ? `import type * as t${i} from '${target.slice(5)}';`
        : `import * as m${i} from '${target}';`,
    );
    writeFileSync(
      join(dir, file),
      `${lines.join('\n')}\nexport const used = [${imports
        .map((_, i) => `m${i}`)
        .filter((_, i) => !imports[i]?.startsWith('type:'))
        .join(', ')}];\n`,
    );
  }
}

function cruise(dir: string): ICruiseResult {
  const result = spawnSync(
    join(root, 'node_modules/.bin/depcruise'),
    [
      'apps',
      'packages',
      'plugins',
      '--config',
      join(root, '.dependency-cruiser.mjs'),
      '--output-type',
      'json',
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  if (!result.stdout) throw new Error(`depcruise wrote nothing: ${result.stderr}`);
  return JSON.parse(result.stdout) as ICruiseResult;
}

const arrows = (result: ICruiseResult) =>
  result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);

describe('the dependency rules', () => {
  const dirs: string[] = [];
  let broken: ICruiseResult;
  let kept: ICruiseResult;

  beforeAll(() => {
    const brokenDir = mkdtempSync(join(tmpdir(), 'linju-deps-broken-'));
    const keptDir = mkdtempSync(join(tmpdir(), 'linju-deps-kept-'));
    dirs.push(brokenDir, keptDir);
    writeRepo(brokenDir, violating);
    writeRepo(keptDir, allowed);
    broken = cruise(brokenDir);
    kept = cruise(keptDir);
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('each rule fails on its violation', () => {
    const fired = new Set(broken.summary.violations.map((v) => v.rule.name));
    const rules = (broken.summary.ruleSetUsed?.forbidden ?? []).map((rule) => rule.name);
    expect(rules.length).toBeGreaterThan(10);
    expect([...fired].sort()).toEqual([...rules].sort());
    expect(broken.summary.error).toBeGreaterThan(0);
  });

  it('names the arrow that broke it', () => {
    expect(arrows(broken)).toEqual(
      expect.arrayContaining([
        'nothing-imports-apps: packages/core/src/cases/case-service.ts → apps/admin/app/root.tsx',
        'db-is-the-ground: packages/db/src/schema.ts → packages/auth/src/session.ts',
        'auth-imports-db-only: packages/auth/src/session.ts → packages/core/src/statistics/case-rollups.ts',
        'core-stays-below-api-and-workflows: packages/core/src/referrals/referral-service.ts → packages/api/src/router.ts',
        'workflows-stay-beside-api: packages/workflows/src/referral/activities.ts → packages/api/src/router.ts',
        'api-imports-no-plugin: packages/api/src/router.ts → plugins/mediation/src/index.ts',
        'apps-import-no-plugin: apps/worker/src/worker.ts → plugins/notary/src/index.ts',
        'app-imports-app: apps/worker/src/worker.ts → apps/cli/src/cli.ts',
        'server-imports-only-admin: apps/server/src/server.ts → apps/worker/src/worker.ts',
        'libraries-reach-no-domain: packages/i18n/src/messages.ts → packages/core/src/cases/case-service.ts',
        'vocabulary-depends-on-nothing: packages/vocabulary/src/roles.ts → fs',
        'plugins-import-sdk-only: plugins/mediation/src/index.ts → packages/core/src/cases/case-service.ts',
        'plugins-import-sdk-only: plugins/notary/src/index.ts → plugins/mediation/src/index.ts',
        'workflow-code-imports-no-node: packages/workflows/src/referral/referral-workflow.ts → crypto',
        'workflow-code-imports-activities-as-types: packages/workflows/src/referral/referral-workflow.ts → packages/workflows/src/referral/activities.ts',
        'no-core-folder-cycles: packages/core/src/cases → packages/core/src/statistics',
        'no-package-cycles: packages/auth/src/session.ts → packages/core/src/statistics/case-rollups.ts',
      ]),
    );
  });

  it('lets the arrows of README.md through', () => {
    expect(arrows(kept)).toEqual([]);
    expect(
      kept.modules
        .filter((m) => !m.coreModule)
        .map((m) => m.source)
        .sort(),
    ).toEqual(Object.keys(allowed).sort());
  });
});
