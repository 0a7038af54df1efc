import { mkdirSync, mkdtempSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keptWorkflowBundle } from './workflow-bundle.ts';

// A workflow module of its own in a folder that resolves `@temporalio/workflow` as the real one does.
const folder = mkdtempSync(join(tmpdir(), 'linju-kept-bundle-'));
mkdirSync(join(folder, 'node_modules', '@temporalio'), { recursive: true });
symlinkSync(
  realpathSync(
    join(
      import.meta.dirname,
      '..',
      '..',
      '..',
      'packages',
      'workflows',
      'node_modules',
      '@temporalio',
      'workflow',
    ),
  ),
  join(folder, 'node_modules', '@temporalio', 'workflow'),
);
const workflows = join(folder, 'workflows.ts');
const kept = join(folder, 'kept', 'workflow-bundle.json');
const greeting = (word: string) =>
  writeFileSync(workflows, `export async function greet(): Promise<string> { return '${word}'; }\n`);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Each bundling is a webpack run in a child process: seconds on a busy 2-core machine.
describe('the workflow bundle kept between starts', { timeout: 60_000 }, () => {
  it('is made once, reused while its sources are unchanged, and made afresh when one changes', async () => {
    greeting('早上好');
    const first = await keptWorkflowBundle(workflows, kept);
    expect(first.code).toContain('早上好');
    const keptAt = statSync(kept).mtimeMs;

    const again = await keptWorkflowBundle(workflows, kept);
    expect(again.code).toBe(first.code);
    expect(statSync(kept).mtimeMs).toBe(keptAt);

    greeting('晚上好');
    const edited = await keptWorkflowBundle(workflows, kept);
    expect(edited.code).toContain('晚上好');
    expect(edited.code).not.toContain('早上好');
  });

  it('is not reused for another workflow module', async () => {
    const other = join(folder, 'other-workflows.ts');
    writeFileSync(other, `export async function farewell(): Promise<string> { return '再见'; }\n`);
    const made = await keptWorkflowBundle(other, kept);
    expect(made.code).toContain('再见');
  });
});
