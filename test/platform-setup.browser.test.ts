import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screens, useDemoStack } from './demo-stack.ts';

/**
 * `linju init --setup-link` beside the running stack, then the operator's one-time link in Chromium
 * with JavaScript off: enrol the key, choose the password, sign in; the link is then spent, and
 * its token never reached the stack's log.
 */
const root = join(import.meta.dirname, '..');
const live = useDemoStack('setup-link');
const PASSWORD = 'Bureau-ops-Link-2026!';
/** The operator's console, signed in by the first test and used by the next (each code is taken once). */
let operator: { page: Page; close: () => Promise<void> } | undefined;
/** A code of the key's step `ahead` (0: now): each code is taken once, so the sign-in uses the next. */
const codeOf = (secret: string, ahead: number) =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000) + ahead), 6);

function linju(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'apps', 'cli', 'src', 'main.ts'), ...args], {
      env: {
        ...process.env,
        LINJU_DATA_DIR: live.dataDir,
        PORT: new URL(live.url).port,
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('the platform operator’s one-time setup link, without JavaScript', () => {
  it('enrols the authenticator and sets the password once; a second visit gets a clear Chinese page', async () => {
    const init = await linju(['init', 'ops', '平台运维', '--setup-link']);
    expect(init.code, init.out).toBe(0);
    const link = init.out.match(/(http:\/\/localhost:\d+\/platform\/setup\/[A-Za-z0-9_-]{43})\n/)?.[1] ?? '';
    expect(link).not.toBe('');
    const token = link.split('/').at(-1) ?? '';

    const context = await live.browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await context.newPage();
    const body = () => page.locator('body').textContent();
    await page.goto(link);
    await expect.poll(body).toContain('平台运维（用户名 ops），请设置登录密码并启用两步验证');
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    await page.screenshot({ path: join(screens, 'zh-platform-setup.png'), fullPage: true });

    await page.getByLabel('验证码').fill(codeOf(secret, 0));
    await page.getByLabel('新密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('再次输入新密码').fill(`${PASSWORD}x`);
    await page.getByRole('button', { name: '完成设置' }).click();
    await expect.poll(body).toContain('两次输入的新密码不一致');

    await page.getByLabel('验证码').fill(codeOf(secret, 0));
    await page.getByLabel('新密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('再次输入新密码').fill(PASSWORD);
    await page.getByRole('button', { name: '完成设置' }).click();
    await expect.poll(() => page.url()).toContain('/platform/login?setup=done');
    await expect.poll(body).toContain('账号已设置好，请用新密码和验证码登录。');

    await page.getByLabel('用户名').fill('ops');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByLabel('验证码').fill(codeOf(secret, 1));
    await page.getByRole('button', { name: '验证' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/platform');

    const again = await page.goto(link);
    expect(again?.status()).toBe(410);
    await expect.poll(body).toContain('此设置链接已使用、已过期或不存在');
    operator = { page, close: () => context.close() };
    expect(live.output).toContain('/platform/setup/…');
    expect(live.output).not.toContain(token);
  }, 180_000);

  it('opens a new district through the wizard: each step checked, back and change keep the answers, a taken slug sends the operator back to it', async () => {
    if (!operator) throw new Error('the setup test signs the operator in first');
    const { page } = operator;
    const body = () => page.locator('body').textContent();
    await page.goto(`${live.url}/platform/tenants/new`);
    await expect.poll(() => page.textContent('h1')).toContain('基本信息');
    // Moving on checks the step: each missing or wrong answer is named at its field.
    await page.getByLabel('标识').fill('Changning!');
    await page.getByRole('button', { name: '下一步' }).click();
    await expect.poll(body).toContain('标识须为 2–40 个小写字母、数字或连字符');
    await expect.poll(body).toContain('司法局中文名称：请填写此项。');
    // The slug of a district that exists passes the step; only the API knows it is taken.
    await page.getByLabel('司法局中文名称').fill('长宁区司法局');
    await page.getByLabel('司法局英文名称').fill('Changning District Justice Bureau');
    await page.getByLabel('标识').fill('xuhui');
    await page.getByLabel('行政区划代码').fill('310105');
    await page.getByLabel('中心中文名称').fill('长宁区公共法律服务中心');
    await page.getByLabel('中心英文名称').fill('Changning Public Legal Service Centre');
    await page.getByRole('button', { name: '下一步' }).click();
    await expect.poll(() => page.textContent('h1')).toContain('外观');
    // Back keeps what was typed.
    await page.getByRole('button', { name: '上一步' }).click();
    await expect.poll(() => page.getByLabel('司法局中文名称').inputValue()).toBe('长宁区司法局');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await expect.poll(() => page.textContent('h1')).toContain('首位管理员');
    await page.getByLabel('管理员姓名').fill('长宁管理员');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await expect.poll(() => page.textContent('h1')).toContain('确认');
    expect(await body()).toContain('长宁区公共法律服务中心');
    // The API refuses the taken slug: the wizard goes back to the step that asks for it.
    await page.getByRole('button', { name: '确认开通' }).click();
    await expect.poll(body).toContain('这个标识已被其他区使用。');
    await expect.poll(() => page.textContent('h1')).toContain('基本信息');
    await page.getByLabel('标识').fill('changning');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    // "Change" on the review opens that step with the answers kept.
    await page.getByRole('button', { name: '修改 首位管理员' }).click();
    await expect.poll(() => page.getByLabel('管理员姓名').inputValue()).toBe('长宁管理员');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '确认开通' }).click();
    await expect.poll(body).toContain('“长宁区司法局”已开通。');
    expect(((await page.getByTestId('temporary-password').textContent()) ?? '').trim()).not.toBe('');
    await page.screenshot({ path: join(screens, 'zh-platform-onboarded.png'), fullPage: true });
    await operator.close();
  }, 180_000);
});
