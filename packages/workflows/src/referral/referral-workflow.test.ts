import { readFile } from 'node:fs/promises';
import { Worker } from '@temporalio/worker';
import { expect, it } from 'vitest';
import { workflowsPath } from '../workflows-path.ts';

// Recorded from a real run (see the package README). If this fails with a nondeterminism error,
// a change to the workflow would break referrals already running: guard it with `patched()`.
it('replays the recorded happy-path history against the current workflow code', async () => {
  const fixture = new URL('./__fixtures__/referral-happy-path.history.json', import.meta.url);
  const history = JSON.parse(await readFile(fixture, 'utf8')) as { events: unknown[] };
  expect(history.events.length).toBeGreaterThan(0);
  await Worker.runReplayHistory({ workflowsPath }, history);
}, 60_000);
