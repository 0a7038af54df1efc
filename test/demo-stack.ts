import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@linju/db';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { copyDemoTemplate, DEMO_NODE_ID, demoDay } from './demo-template.ts';

/**
 * What the journey tests share: one `npm start` of the whole stack on embedded defaults (a fresh
 * data folder holding a copy of the run's seeded demo district, a free port) and one Debian
 * Chromium, for one test file.
 */
const root = join(import.meta.dirname, '..');

/** Where browser tests save their screenshots (test artefacts). */
export const screens = join(root, '.data', 'screens');
mkdirSync(screens, { recursive: true });

/** The demo seed's password for every demo login. */
export const DEMO_PASSWORD = 'Linju@demo2026';

/**
 * Starts the stack before the file's tests and stops it after them, as a terminal's Ctrl-C would.
 * The returned object's `url` and `browser` are set once `beforeAll` has run; `output` is
 * everything the stack has written so far (its log lines), for tests of what it logs.
 */
export function useDemoStack(
  name: string,
  options: {
    /** More environment for the stack, read when it starts (after the file's earlier `beforeAll`s). */
    env?: () => Record<string, string>;
  } = {},
): {
  readonly url: string;
  readonly browser: Browser;
  readonly output: string;
  /** The stack's data folder, for operator commands run beside it. */
  readonly dataDir: string;
} {
  const live = {
    url: '',
    browser: undefined as unknown as Browser,
    output: '',
    dataDir: mkdtempSync(join(tmpdir(), `linju-${name}-`)),
  };
  let stack: ChildProcess | undefined;

  beforeAll(async () => {
    const template = inject('demoTemplate');
    // Seeded today: started from a copy (`npm start` then finds the district there); else it seeds.
    if (template?.seededOn === demoDay()) copyDemoTemplate(template.dir, live.dataDir);
    const port = await freePort();
    live.url = `http://localhost:${port}`;
    // Its own process group, so the whole stack can be stopped at once.
    const started = spawn('npm', ['start'], {
      cwd: root,
      detached: true,
      env: {
        ...process.env,
        PORT: String(port),
        LINJU_DATA_DIR: live.dataDir,
        DATABASE_URL: '',
        TEMPORAL_ADDRESS: '',
        LINJU_NODE_ID: DEMO_NODE_ID,
        ...(template ? { LINJU_WORKFLOW_BUNDLE_CACHE: template.workflowBundleCache } : {}),
        // The journeys need no national law; a test that does imports its own articles.
        LINJU_STATUTES_IMPORT: 'off',
        ...options.env?.(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    stack = started;
    for (const stream of [started.stdout, started.stderr])
      stream?.on('data', (c) => (live.output += c.toString()));
    const deadline = Date.now() + 200_000;
    while (!live.output.includes('Linju is running at')) {
      if (started.exitCode !== null || Date.now() > deadline)
        throw new Error(`npm start failed:\n${live.output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    live.browser = await chromium.launch({
      executablePath: process.env.LINJU_CHROMIUM ?? '/usr/bin/chromium',
      // A UTF-8 locale, as any desktop has: without one (a bare CI shell) Chromium saves a download
      // named 统计年报-2026年度.pdf as "download".
      env: { ...process.env, LANG: /utf-?8/i.test(process.env.LANG ?? '') ? process.env.LANG : 'C.UTF-8' },
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
    await live.browser?.close();
    if (stack?.pid && stack.exitCode === null) {
      const exited = new Promise((r) => stack?.once('exit', r));
      process.kill(-stack.pid, 'SIGINT');
      await exited;
    }
  });

  return live;
}

/** Signs a demo user in through the Chinese sign-in page and waits for their Today page. */
export async function signInAsDemo(page: Page, url: string, username: string) {
  await page.goto(`${url}/t/xuhui/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.url()).toMatch(/\/t\/xuhui$/);
}

/**
 * Signs a demo manager in (a station head, a director) through their first sign-in: the
 * authenticator is enrolled on the way, with a code made from the secret the page shows.
 */
export async function signInAsDemoManager(page: Page, url: string, username: string) {
  await page.goto(`${url}/t/xuhui/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await enrolAuthenticator(page);
  await expect.poll(() => page.url()).toMatch(/\/t\/xuhui$/);
}

/** The first sign-in's enrolment: a code made from the secret the page shows. */
async function enrolAuthenticator(page: Page) {
  await expect.poll(() => page.url()).toMatch(/totp-setup/);
  const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
  await page.getByLabel('验证码').fill(generateTOTP(decodeBase32IgnorePadding(secret), 30, 6));
  await page.locator('main button[type=submit]').click();
}

/**
 * Signs a demo administrator in at `tenant` the first time (the city bureau's `admin`): the
 * authenticator enrolled with a code made from the secret the page shows, then a new password.
 */
export async function signInFirstTime(page: Page, url: string, tenant: string, newPassword: string) {
  await page.goto(`${url}/t/${tenant}/login`);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await enrolAuthenticator(page);
  await expect.poll(() => page.url()).toMatch(/change-password/);
  await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('再次输入新密码').fill(newPassword);
  await page.locator('main button[type=submit]').click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(`/t/${tenant}`);
}

/**
 * Searches the district's case list as a person does: the term typed into the box and posted (it
 * never goes into an address), waiting until the answer and the page's reload are in.
 */
export async function searchCases(page: Page, url: string, term: string) {
  await page.goto(`${url}/t/xuhui/cases`);
  // By the field's name and the form's role: the page may be in either language.
  const search = page.getByRole('search');
  await search.locator('input[name="q"]').fill(term);
  const answered = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().includes('/t/xuhui/cases'),
  );
  await search.locator('button[type="submit"]').click();
  await answered;
  await page.waitForLoadState('networkidle');
}

/**
 * Chooses in a searchable picker (`ChoicePicker`) as a person does: types part of the name, then,
 * with JavaScript, waits for the combobox and clicks the option naming `option` (by default what was
 * typed); without JavaScript the typed text is posted for the server to resolve.
 */
export async function choose(
  field: Locator,
  typed: string,
  { script = true, option = typed }: { script?: boolean; option?: string | RegExp } = {},
) {
  if (script) await expect.poll(() => field.getAttribute('role')).toBe('combobox');
  await field.fill(typed);
  if (!script) return;
  const list = field.page().locator(`[id="${await field.getAttribute('aria-controls')}"]`);
  await list.getByRole('option', { name: option }).first().click();
  await expect.poll(() => field.getAttribute('aria-expanded')).toBe('false');
}
