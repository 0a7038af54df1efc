import { spawnSync } from 'node:child_process';

/**
 * The browser tests' demo stacks start from one seeded data folder (`browser-setup.ts`), copied.
 * What they must agree on to share it lives here.
 */

/** "This node" for every demo stack of the run: the seed writes it, each stack's server announces it. */
export const DEMO_NODE_ID = 'linju-browser-tests';

/**
 * The day the demo data was seeded, as the product's dates see it (Shanghai) and as UTC: a copy
 * seeded before midnight would start a later file's stack with "today's" demo matters dated
 * yesterday, so a stack then seeds its own.
 */
export const demoDay = (at = new Date()): string =>
  `${at.toISOString().slice(0, 10)} ${at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })}`;

/** Copies the seeded folder into a stack's empty one, PostgreSQL's ownership and modes kept. */
export function copyDemoTemplate(template: string, dataDir: string): void {
  const copied = spawnSync('cp', ['-a', `${template}/.`, dataDir], { encoding: 'utf8' });
  if (copied.status !== 0) throw new Error(`copying the demo template failed: ${copied.stderr}`);
}
