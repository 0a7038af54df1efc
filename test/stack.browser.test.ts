import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@linju/db';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP, generateTOTP } from '@oslojs/otp';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The newcomer's journey, for real: `npm start` in a fresh data folder, the demo logins in
 * Chromium, Ctrl-C leaving no process behind, and a second `npm start` finding the same data.
 */
const root = join(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'linju-stack-'));
const screens = join(root, '.data', 'screens');
mkdirSync(screens, { recursive: true });
const DEMO_PASSWORD = 'Linju@demo2026';
const NEW_ADMIN_PASSWORD = 'Admin-chosen-pass-2026';

type Stack = { child: ChildProcess; output: () => string; url: string };
const started: Stack[] = [];

async function npmStart(port: number): Promise<Stack> {
  let output = '';
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      LINJU_DATA_DIR: dataDir,
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      LINJU_STATUTES_IMPORT: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  started.push({ child, output: () => output, url });
  const deadline = Date.now() + 200_000;
  while (!output.includes('Linju is running at')) {
    if (child.exitCode !== null)
      throw new Error(`npm start exited ${child.exitCode}:\n${output.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`npm start did not get ready:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, output: () => output, url };
}

/** Every process below `pid`, from the kernel's process table. */
function descendantsOf(pid: number): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of table) {
      if (ppid === parent) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stopWithCtrlC(
  stack: Stack,
): Promise<{ ending: string; leftBehind: number[]; tree: number[] }> {
  const tree = descendantsOf(stack.child.pid as number);
  // npm re-raises the signal it got, so a clean Ctrl-C ends npm by SIGINT (or exit 0).
  const exited = new Promise<string>((resolve) =>
    stack.child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)),
  );
  // What a terminal does on Ctrl-C: SIGINT to the foreground process group (here: npm and below).
  for (const pid of [stack.child.pid as number, ...tree]) if (alive(pid)) process.kill(pid, 'SIGINT');
  const ending = await exited;
  await new Promise((r) => setTimeout(r, 500));
  return { ending, leftBehind: tree.filter(alive), tree };
}

async function signIn(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/t/xuhui/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

const totp = (secret: string) => generateTOTP(decodeBase32IgnorePadding(secret), 30, 6);
// A code is accepted once per person: signing in again gives the next 30-second step's code (the
// server takes one step either side), never the one an earlier sign-in may have used.
const nextTotp = (secret: string) =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000) + 1), 6);

let browser: Browser;
let port: number;
beforeAll(async () => {
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
  port = await freePort();
});
afterAll(async () => {
  await browser?.close();
  // A failed test must not leave a stack running into the next one (or into CI's machine).
  for (const stack of started) {
    if (stack.child.exitCode === null && stack.child.signalCode === null) await stopWithCtrlC(stack);
  }
});

describe('npm start, from a fresh data folder', () => {
  let stack: Stack;

  it('brings the whole stack up and prints the URL and the demo logins', async () => {
    stack = await npmStart(port);
    expect(stack.output()).toContain(`/t/xuhui/login`);
    expect(stack.output()).toContain(DEMO_PASSWORD);
    const health = await (await fetch(`${stack.url}/api/v1/health`)).json();
    expect(health).toEqual({ status: 'ok', database: true, temporal: true });
    const openapi = await (await fetch(`${stack.url}/api/v1/openapi.json`)).json();
    expect(openapi.openapi).toBe('3.1.0');
    const node = await (await fetch(`${stack.url}/.well-known/linju-node`)).json();
    expect(node.organisations).toContainEqual(
      expect.objectContaining({ orgId: 'xuhui', kind: 'district-bureau' }),
    );
  });

  it('lets the demo front-desk officer sign in, in Chinese by default', async () => {
    const page = await browser.newPage();
    await signIn(page, stack.url, 'desk', DEMO_PASSWORD);
    await expect.poll(() => page.url()).toMatch(/\/t\/xuhui$/);
    await expect.poll(() => page.textContent('body')).toContain('陈静');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.screenshot({ path: join(screens, 'desk-home.png'), fullPage: true });
    await page.close();
  });

  it('refuses a wrong password with a message in Chinese', async () => {
    const page = await browser.newPage();
    await signIn(page, stack.url, 'desk', 'wrong-password');
    await expect.poll(() => page.textContent('body')).toMatch(/用户名或密码/);
    await page.close();
  });

  it('walks the bureau administrator through TOTP enrolment and a new password', async () => {
    const page = await browser.newPage();
    await signIn(page, stack.url, 'admin', DEMO_PASSWORD);
    await expect.poll(() => page.url()).toMatch(/totp-setup/);
    const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('验证码').fill(totp(secret));
    await page.getByRole('button', { name: /确认/ }).click();
    await expect.poll(() => page.url()).toMatch(/change-password/);
    await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_ADMIN_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(NEW_ADMIN_PASSWORD);
    await page.getByRole('button', { name: /修改密码|保存/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/t\/xuhui$/);
    await expect.poll(() => page.textContent('body')).toContain('王敏');
    await page.screenshot({ path: join(screens, 'admin-home.png'), fullPage: true });
    process.env.LINJU_TEST_ADMIN_TOTP = secret;
    await page.close();
  });

  it('stops on Ctrl-C and leaves no process behind', async () => {
    const { ending, leftBehind, tree } = await stopWithCtrlC(stack);
    expect(tree.length).toBeGreaterThanOrEqual(5); // bootstrap, CLI, PostgreSQL, Temporal, server, worker…
    expect(leftBehind).toEqual([]);
    expect(['SIGINT', 'exit 0']).toContain(ending);
    expect(stack.output()).toMatch(/Stopping Linju…[\s\S]*Stopped\./);
  });
});

describe('npm start, a second time', () => {
  it('finds the same data: the administrator’s new password and second factor still hold', async () => {
    const stack = await npmStart(port);
    expect(stack.output()).toContain('already there');
    const page = await browser.newPage();
    await signIn(page, stack.url, 'admin', NEW_ADMIN_PASSWORD);
    await expect.poll(() => page.url()).toMatch(/login\/totp$/);
    await page.getByLabel('验证码').fill(nextTotp(process.env.LINJU_TEST_ADMIN_TOTP ?? ''));
    await page.getByRole('button', { name: /验证|确认/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/t\/xuhui$/);
    await page.close();
    const { leftBehind, ending } = await stopWithCtrlC(stack);
    expect(leftBehind).toEqual([]);
    expect(['SIGINT', 'exit 0']).toContain(ending);
  });
});
