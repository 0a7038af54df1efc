import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { signInAsDemo, signInAsDemoManager, signInFirstTime, useDemoStack } from './demo-stack.ts';

/**
 * The searchable organisation picker at a district's scale (issue #17): 12 more streets with 25
 * community rooms each (300 rooms, made through the API as the director), and the desk finds one
 * by typing part of its name — with JavaScript in the combobox by keyboard, without it by posting
 * what was typed, which the server resolves or refuses on the field.
 */
const live = useDemoStack('choice-picker');

const STREETS = 12;
const ROOMS = 25;
const room = (street: number, n: number) => `试点${street}街${n}号居委调解室`;

/** Calls a tRPC mutation as the signed-in person of the page (the session cookie rides along). */
async function mutate(page: Page, path: string, input: unknown): Promise<{ id: string }> {
  const response = await page.request.post(`${live.url}/trpc/${path}`, {
    data: input,
    headers: { origin: live.url },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: { id: string } } }).result.data;
}

async function takeInPage(page: Page) {
  await page.goto(`${live.url}/t/xuhui/cases/new`);
  await page.getByLabel('姓名', { exact: true }).fill('韩阿姨');
  await page.getByLabel('电话', { exact: true }).fill('13700003300');
  await page.getByLabel('案件描述').fill('楼上漏水，物业推诿，想请居委调解');
}

const body = async (page: Page) => (await page.textContent('body')) ?? '';

describe('the organisation picker with 300 community rooms', () => {
  it('makes 12 streets of 25 community rooms each through the API, as a bureau would', async () => {
    const page = await (await live.browser.newContext()).newPage();
    await signInAsDemoManager(page, live.url, 'director');
    const centre = await page.evaluate(async (url) => {
      const answer = await fetch(`${url}/trpc/organisation.getMany`).then((r) => r.json());
      return (answer.result.data as { id: string; kind: string }[]).find((o) => o.kind === 'centre')?.id;
    }, live.url);
    for (let street = 1; street <= STREETS; street += 1) {
      const station = await mutate(page, 'organisation.create', {
        kind: 'station',
        parentId: centre,
        nameZh: `试点${street}街道工作站`,
        nameEn: `Pilot street ${street} station`,
      });
      await Promise.all(
        Array.from({ length: ROOMS }, (_, i) =>
          mutate(page, 'organisation.create', {
            kind: 'room',
            parentId: station.id,
            nameZh: room(street, i + 1),
            nameEn: `Pilot street ${street} room ${i + 1}`,
          }),
        ),
      );
    }
    const all = await page.evaluate(async (url) => {
      const answer = await fetch(`${url}/trpc/organisation.getMany`).then((r) => r.json());
      return (answer.result.data as { kind: string; nameZh: string }[]).filter((o) =>
        o.nameZh.startsWith('试点'),
      );
    }, live.url);
    expect(all.filter((o) => o.kind === 'room')).toHaveLength(STREETS * ROOMS);
    await page.context().close();
  }, 240_000);

  it('with JavaScript, narrows the rooms as the desk types and takes the matter in at the one chosen by keyboard', async () => {
    const page = await (await live.browser.newContext({ locale: 'zh-CN' })).newPage();
    await signInAsDemo(page, live.url, 'desk');
    await takeInPage(page);
    const unit = page.getByRole('combobox', { name: '受理机构' });
    await expect.poll(() => unit.count()).toBe(1);
    const list = page.getByRole('listbox', { name: '受理机构' });

    // A street's name lists its station and its 25 rooms, out of the 300.
    await unit.fill('试点7街');
    expect(await unit.getAttribute('aria-expanded')).toBe('true');
    expect(await list.getByRole('option').count()).toBe(ROOMS + 1);
    await expectNoSeriousAxeViolations(page, 'intake with the picker open');

    // Part of a room's name leaves that room; the arrow marks it, Enter chooses it.
    await unit.fill('7街13号');
    expect(await list.getByRole('option').allTextContents()).toEqual([
      `${room(7, 13)}居村工作室 · 试点7街道工作站`,
    ]);
    const refreshed = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes('/t/xuhui/cases/new'),
    );
    await unit.press('ArrowDown');
    expect(await unit.getAttribute('aria-activedescendant')).toBe(
      await list.getByRole('option').first().getAttribute('id'),
    );
    await unit.press('Enter');
    await refreshed;
    expect(await unit.inputValue()).toBe(room(7, 13));
    expect(await unit.getAttribute('aria-expanded')).toBe('false');

    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByRole('link', { name: '打开案件' }).click();
    await expect.poll(() => page.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    expect(await body(page)).toContain(room(7, 13));
    await page.context().close();
  });

  it('without JavaScript, resolves the typed part of a name, and names the field when it fits several or none', async () => {
    const page = await (
      await live.browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false })
    ).newPage();
    await signInAsDemo(page, live.url, 'desk');
    await takeInPage(page);
    const unit = page.getByLabel('受理机构');
    // The browser's own suggestions come from the field's list: every room is in it.
    const list = await unit.getAttribute('list');
    expect(await page.locator(`[id="${list}"] option`).count()).toBeGreaterThan(STREETS * ROOMS);

    await unit.fill('7街1');
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await expect.poll(() => body(page)).toContain('受理机构：有多个选项与所填文字相符，请从列表中选出一个。');
    expect(await page.getByLabel('受理机构').inputValue()).toBe('7街1');
    expect(await page.getByLabel('案件描述').inputValue()).toBe('楼上漏水，物业推诿，想请居委调解');

    await page.getByLabel('受理机构').fill('试点99街');
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await expect.poll(() => body(page)).toContain('受理机构：没有与所填文字相符的选项');

    await page.getByLabel('受理机构').fill('7街14号');
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByRole('link', { name: '打开案件' }).click();
    await expect.poll(() => page.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    expect(await body(page)).toContain(room(7, 14));

    // The case goes on to another room the same way: typed, posted, resolved.
    await page.locator('summary', { hasText: '移交其他机构' }).click();
    await page.locator('details[open]').getByLabel('移交至').fill('11街2号');
    await page.locator('details[open]').getByLabel('理由').fill('属地居委调处');
    await page.locator('details[open]').getByRole('button', { name: '移交', exact: true }).click();
    await expect.poll(() => page.url()).toContain('done=');
    expect(await body(page)).toContain(room(11, 2));
    await page.context().close();
  });

  it('without JavaScript, finds the unit of each role a new staff member gets by part of its name', async () => {
    const page = await (
      await live.browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false })
    ).newPage();
    await signInFirstTime(page, live.url, 'xuhui', 'Choice-picker-2026');
    await page.goto(`${live.url}/t/xuhui/staff?new=person`);
    await page.getByLabel('姓名', { exact: true }).fill('志愿者 黎明');
    await page.getByLabel('用户名', { exact: true }).fill('liming');
    await page.getByLabel('所属机构', { exact: true }).fill('7街14号');
    await page.getByLabel('角色 1', { exact: true }).selectOption('volunteer');
    const roleUnit = page.getByLabel('角色 1 所在机构');
    await roleUnit.fill('7街1');
    await page.getByRole('button', { name: '新增工作人员' }).click();
    await expect
      .poll(() => body(page))
      .toContain('角色 1 所在机构：有多个选项与所填文字相符，请从列表中选出一个。');
    expect(await page.getByLabel('角色 1 所在机构').inputValue()).toBe('7街1');

    await page.getByLabel('角色 1 所在机构').fill('7街15号');
    await page.getByRole('button', { name: '新增工作人员' }).click();
    await expect.poll(() => body(page)).toContain('已新增 志愿者 黎明');
    await page.getByRole('link', { name: '志愿者 黎明' }).first().click();
    await expect.poll(() => body(page)).toContain(room(7, 15));

    // More roles are granted the same way, on the person's panel.
    await page.locator('summary', { hasText: '授予角色' }).click();
    await page.locator('#grant-role').selectOption('volunteer');
    await page.locator('#grant-organisationId').fill('11街2号');
    await page.locator('details[open]').getByRole('button', { name: '授予角色' }).click();
    await expect.poll(() => page.url()).toContain('done=granted');
    expect(await page.locator('.admin-role-list').textContent()).toContain(room(11, 2));
    await page.context().close();
  });
});
