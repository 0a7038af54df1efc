import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Worker } from '@temporalio/worker';
import { expect, it } from 'vitest';
import { linjuDataConverter } from '../codec/payload-codec.ts';
import { workflowsPath } from '../workflows-path.ts';

// Recorded from real runs (see the package README). If one fails with a nondeterminism error, a
// change to the workflow would break referrals already running: guard it with `patched()`.
it.each([
  ['referral-happy-path', 'recorded before effects were local activities (the remote ones replay)'],
  ['referral-local-effects', 'effects recorded as local activities, behind their patch marker'],
])(
  'replays the recorded history %s (%s) against the current workflow code',
  async (name) => {
    const fixture = new URL(`./__fixtures__/${name}.history.json`, import.meta.url);
    const history = JSON.parse(await readFile(fixture, 'utf8')) as { events: unknown[] };
    expect(history.events.length).toBeGreaterThan(0);
    // With the payload codec, as the worker runs: histories from before it pass through it unchanged.
    const dataConverter = linjuDataConverter({ current: randomBytes(32), retired: [] });
    await Worker.runReplayHistory({ workflowsPath, dataConverter }, history);
  },
  60_000,
);
