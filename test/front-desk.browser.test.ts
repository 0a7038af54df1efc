import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@linju/db';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The front desk's day in Chromium against the real stack: a desk officer takes in a walk-in for
 * lawyer consultation, fills that service's own intake form (rendered from the plugin's schema), is
 * told what is missing in Chinese, gets a case number, and finds the case again by phone.
 */
const root = join(import.meta.dirname, '..');
const screens = join(root, '.data', 'screens');
mkdirSync(screens, { recursive: true });

let browser: Browser;
let stack: ChildProcess;
let url: string;

beforeAll(async () => {
  const port = await freePort();
  url = `http://localhost:${port}`;
  // Its own session, so the whole group can be stopped as a terminal's Ctrl-C would.
  stack = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      LINJU_DATA_DIR: mkdtempSync(join(tmpdir(), 'linju-desk-')),
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [stack.stdout, stack.stderr]) stream?.on('data', (c) => (output += c.toString()));
  const deadline = Date.now() + 200_000;
  while (!output.includes('Linju is running at')) {
    if (stack.exitCode !== null || Date.now() > deadline)
      throw new Error(`npm start failed:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await chromium.launch({
    executablePath: process.env.LINJU_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  if (stack?.pid && stack.exitCode === null) {
    const exited = new Promise((r) => stack.once('exit', r));
    process.kill(-stack.pid, 'SIGINT');
    await exited;
  }
});

async function signIn(page: Page) {
  await page.goto(`${url}/t/xuhui/login`);
  await page.getByLabel('用户名').fill('desk');
  await page.getByLabel('密码', { exact: true }).fill('Linju@demo2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.url()).toMatch(/\/t\/xuhui$/);
}

describe('front-desk intake', () => {
  it('takes in a walk-in with the service’s own form and gives a case number', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.goto(`${url}/t/xuhui/cases/new`);
    await page.getByLabel('姓名', { exact: true }).fill('赵阿姨');
    await page.getByLabel('电话', { exact: true }).fill('13812345678');
    await page.getByLabel('服务类型').selectOption('consultation');
    // The consultation plugin's own fields appear once the service is chosen.
    await expect.poll(() => page.getByLabel('咨询主题').count()).toBe(1);
    await page.getByLabel('事项描述').fill('房东不退押金，想了解如何维权');
    await page.getByRole('button', { name: '受理' }).click();
    await expect.poll(() => page.textContent('body')).toMatch(/咨询主题：请填写此项|请填写此项/);
    await page.getByLabel('咨询主题').fill('房屋租赁押金不退');
    await page.getByLabel('咨询渠道').selectOption('walk-in');
    await page.getByLabel('问题描述').fill('租房合同到期搬走后，房东以墙面污损为由拒绝退还押金三千元');
    await page.getByRole('button', { name: '受理' }).click();
    await expect.poll(() => page.textContent('body')).toMatch(/XH-\d{4}-\d{6}/);
    await page.screenshot({ path: join(screens, 'intake-created.png'), fullPage: true });

    await page.goto(`${url}/t/xuhui/cases?q=13812345678`);
    await expect.poll(() => page.textContent('body')).toContain('赵阿姨');
    await page.close();
  });
});
