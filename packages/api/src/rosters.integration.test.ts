import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { pdfText, undrawnCharacters } from '@linju/documents/testing';
import { pluginRegistry } from '@linju/plugins';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

const h = apiHarness();
let district: TestDistrict;
let admin: AppCaller;

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'rota');
  ({ api: admin } = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret));
});
afterAll(() => h.close());

const textOf = async (base64: string) =>
  (await pdfText(Buffer.from(base64, 'base64'))).text.replaceAll(/\s/g, '');

// The rota names a slot's service as its manifest does, whichever plugin is installed.
const [service] = pluginRegistry.plugins;
if (!service) throw new Error('no plugin is installed');

describe('the printable rota', () => {
  it('renders a room’s weekly duty and themed days as a PDF, in Chinese or English', async () => {
    await admin.roster.addSlot({
      organisationId: district.organisations.roomA,
      weekday: 3,
      startsAt: '14:00',
      endsAt: '17:00',
      serviceType: service.id,
      personName: '志愿律师周明',
    });
    await admin.roster.setThemedDay({
      organisationId: district.organisations.roomA,
      day: '2026-12-04',
      theme: '宪法宣传日',
      serviceType: service.id,
    });
    const zh = await admin.roster.getPdf({
      organisationId: district.organisations.roomA,
      fromMonth: '2026-11',
    });
    expect(Buffer.from(zh.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(zh.fileName).toBe('甲居民区工作室值班表.pdf');
    expect(await undrawnCharacters(Buffer.from(zh.contentBase64, 'base64'))).toEqual([]);
    const text = await textOf(zh.contentBase64);
    for (const expected of [
      '甲居民区工作室值班表',
      '星期三14:00–17:00',
      `${service.name['zh-CN']}·志愿律师周明`,
      '宪法宣传日',
    ]) {
      expect(text).toContain(expected);
    }
    const en = await admin.roster.getPdf({
      organisationId: district.organisations.roomA,
      fromMonth: '2026-11',
      locale: 'en',
    });
    expect(await textOf(en.contentBase64)).toContain('DutyrotaofRoomA');
  });
});
