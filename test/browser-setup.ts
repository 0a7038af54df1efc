import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEMO_NODE_ID, demoDay } from './demo-template.ts';

/**
 * The demo district seeded once for the run's browser tests, into a data folder each test file's
 * stack starts from a copy of: migrating and seeding (some 8 s of CPU) then happen once, not once
 * per file. The copy is the same data `npm start` seeds into an empty folder — the first start's
 * own path is `stack.browser.test.ts`'s. Their workers share the kept workflow bundle likewise.
 */
export default function setup(project: TestProject) {
  const dir = join(import.meta.dirname, '..', '.data', 'test', `demo-template-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const seeded = spawnSync(
    process.execPath,
    [join(import.meta.dirname, '..', 'apps', 'cli', 'src', 'main.ts'), 'seed'],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        LINJU_DATA_DIR: dir,
        DATABASE_URL: '',
        // The seed names "this node" by its id; every stack started from the copy announces the same.
        LINJU_NODE_ID: DEMO_NODE_ID,
      },
    },
  );
  if (seeded.status !== 0)
    throw new Error(`seeding the demo template failed:\n${seeded.stdout}${seeded.stderr}`);
  // One workflow bundle for every stack's worker too: the first makes it, the others reuse it.
  const workflowBundleCache = `${dir}-workflow-bundle.json`;
  project.provide('demoTemplate', { dir, seededOn: demoDay(), workflowBundleCache });
  return () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(workflowBundleCache, { force: true });
  };
}
