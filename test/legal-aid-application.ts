import type { Page } from 'playwright-core';

// A one-pixel PNG, as a phone's photo of an identity card would be.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e5d2b4c60000000049454e44ae426082',
  'hex',
);

/**
 * Fills the legal-aid plugin's online application (its public screen, already open) as an elderly
 * parent claiming support payments would — under the district's hardship threshold, with a photo
 * of the identity card — and sends it; the page then goes to the confirmation with the number.
 */
export async function sendLegalAidApplication(page: Page, applicant: string) {
  await page.locator('summary', { hasText: '填写申请' }).click();
  await page.getByLabel('您居住的街道或社区').selectOption({ index: 2 });
  await page.getByLabel('申请人姓名').fill(applicant);
  await page.getByLabel('申请事项').selectOption({ label: '请求给付赡养费、抚养费、扶养费' });
  await page.getByLabel('案情简介').fill('子女拒绝支付赡养费，申请人年老多病无力起诉');
  await page.getByLabel('家庭人口数').fill('2');
  await page.getByLabel('家庭月收入（元）').fill('1800');
  await page.getByLabel('主要收入来源').fill('养老金');
  await page.getByLabel('申请人承诺所填经济状况真实，如有虚假愿承担法律责任').check();
  await page
    .getByLabel('上传材料（身份证件、经济困难证明、案件材料）')
    .setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.waitForURL(/\/public\/apply\/done\?case=/);
  return new URL(page.url()).searchParams.get('case') ?? '';
}
