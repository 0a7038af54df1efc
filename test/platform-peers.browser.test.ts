import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appUrlFrom } from '@linju/db/app-role';
import { credentials, freePort, runningEmbeddedPostgres } from '@linju/db/embedded';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screens, useDemoStack } from './demo-stack.ts';

/**
 * The platform operator pins a peer node by its address in the console, with JavaScript off:
 * the running demo stack is this node (its operator made by `linju operator create` beside it),
 * and a second Linju server, a node of its own key, serves the `/.well-known/linju-node` read.
 */
const root = join(import.meta.dirname, '..');
const live = useDemoStack('peers');
const PASSWORD = 'Bureau-ops-Peers-2026!';
let city: ChildProcess | undefined;
let cityUrl = '';
let totpSecret = '';

function run(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

beforeAll(async () => {
  const made = await run(
    join(root, 'apps', 'cli', 'src', 'main.ts'),
    ['operator', 'create', 'ops', '平台运维'],
    {
      LINJU_DATA_DIR: live.dataDir,
      LINJU_OPERATOR_PASSWORD: PASSWORD,
      DATABASE_URL: '',
    },
  );
  expect(made.code, made.out).toBe(0);
  totpSecret = made.out.match(/\n {2}([A-Z2-7]{16,})\n/)?.[1] ?? '';

  const database = runningEmbeddedPostgres(live.dataDir);
  if (!database) throw new Error('the demo stack holds no PostgreSQL');
  const port = await freePort();
  cityUrl = `http://127.0.0.1:${port}`;
  city = spawn(process.execPath, [join(root, 'apps', 'server', 'src', 'main.ts')], {
    env: {
      ...process.env,
      PORT: String(port),
      LINJU_PUBLIC_URL: cityUrl,
      LINJU_NODE_ID: 'city-node',
      LINJU_NODE_NAME: '上海市司法局节点',
      LINJU_DATA_DIR: mkdtempSync(join(tmpdir(), 'linju-city-node-')),
      DATABASE_APP_URL: appUrlFrom(database.ownerUrl, credentials(live.dataDir).appPassword),
      LINJU_ADMIN_BUILD: join(tmpdir(), 'no-admin-build'),
    },
    stdio: 'ignore',
  });
  // Up once it answers (within the minute a server needs here); a crash ends the wait at once.
  const deadline = Date.now() + 60_000;
  while (
    (await fetch(`${cityUrl}/.well-known/linju-node`).then(
      (r) => r.status,
      () => 0,
    )) !== 200
  ) {
    if (city.exitCode !== null || Date.now() > deadline) throw new Error('the second node did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
});

afterAll(async () => {
  if (city?.exitCode === null) {
    const exited = new Promise((r) => city?.once('exit', r));
    city.kill('SIGTERM');
    await exited;
  }
});

/** The fingerprint a person reads: SHA-256 of the key's RFC 7638 form, hex in groups of four. */
const fingerprintOf = (jwk: { crv: string; kty: string; x: string }) =>
  createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
    .digest('hex')
    .match(/.{4}/g)
    ?.join(' ');

describe('the platform console’s peer nodes, without JavaScript', () => {
  it('pins a node by its address after showing its key fingerprints, allows a district, unpins', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await context.newPage();
    const body = () => page.locator('body').textContent();

    await page.goto(`${live.url}/platform/login`);
    await page.getByLabel('用户名').fill('ops');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByLabel('验证码').fill(generateTOTP(decodeBase32IgnorePadding(totpSecret), 30, 6));
    await page.getByRole('button', { name: '验证' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/platform');

    await page.getByRole('link', { name: '对接节点' }).click();
    await page.getByLabel('节点地址').fill(cityUrl);
    await page.getByRole('button', { name: '读取节点信息' }).click();
    await expect.poll(body).toContain('这个地址指向本机或内网');

    await page.getByLabel('节点地址').fill(cityUrl);
    await page.getByLabel('允许内网地址（仅用于同一内网中的节点）').check();
    await page.getByRole('button', { name: '读取节点信息' }).click();
    const published = (await (await fetch(`${cityUrl}/.well-known/linju-node`)).json()) as {
      publicKeys: { crv: string; kty: string; x: string }[];
    };
    const fingerprint = fingerprintOf(published.publicKeys[0] as { crv: string; kty: string; x: string });
    await expect.poll(body).toContain('核对“上海市司法局节点”的密钥');
    expect(await page.locator('[data-fingerprint]').allInnerTexts()).toEqual([fingerprint]);
    await page.screenshot({ path: join(screens, 'zh-platform-peer-confirm.png'), fullPage: true });

    await page.getByRole('button', { name: '指纹一致，固定该节点' }).click();
    await expect.poll(() => page.url()).toContain('done=pinned');
    const listed = page.getByRole('region', { name: /上海市司法局节点/ });
    await expect.poll(() => listed.textContent()).toContain(fingerprint ?? '');
    await expect.poll(() => listed.textContent()).toContain('平台运维');

    await listed.getByLabel(/\(xuhui\)/).check();
    await listed.getByRole('button', { name: '保存可转介的区' }).click();
    await expect.poll(() => page.url()).toContain('done=allowed');
    expect(
      await page
        .getByRole('region', { name: /上海市司法局节点/ })
        .getByLabel(/\(xuhui\)/)
        .isChecked(),
    ).toBe(true);
    await page.screenshot({ path: join(screens, 'zh-platform-peers.png'), fullPage: true });

    await page.getByRole('link', { name: '取消固定 city-node' }).click();
    await page.getByRole('button', { name: '取消固定“上海市司法局节点”' }).click();
    await expect.poll(() => page.url()).toContain('done=unpinned');
    await expect.poll(body).toContain('尚未固定任何对接节点。');
    await context.close();
  }, 180_000);
});
