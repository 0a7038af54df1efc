import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAliyunSms } from './aliyun-sms.ts';
import type { OutgoingMessage } from './message-provider.ts';
import { smsTemplateSettingKey } from './sms-template.ts';
import { createTencentSms } from './tencent-sms.ts';
import { startAliyunSmsStandin, startTencentSmsStandin } from './testing/index.ts';

const rating: OutgoingMessage = {
  id: '0b6f4e4a-1d1c-4c6e-9a55-6d0f2a5b1e01',
  channel: 'sms',
  templateKey: 'rating-code',
  recipient: '13800138000',
  params: { number: 'XH-2026-000123', code: 'ABCDE-FGHJK' },
  text: '',
  subject: '',
};
const registered = (templateId: string, params: string[]) => ({
  [smsTemplateSettingKey('rating-code')]: { templateId, params },
});

describe('Alibaba Cloud SMS against a stand-in that checks the RPC signature', () => {
  let aliyun: Awaited<ReturnType<typeof startAliyunSmsStandin>>;
  const account = { accessKeyId: 'LTAI-test', accessKeySecret: 'secret-aliyun', templates: ['SMS_4001'] };
  const provider = (over: { secret?: string; templateId?: string } = {}) =>
    createAliyunSms(
      { signName: '徐汇司法', ...registered(over.templateId ?? 'SMS_4001', ['caseNo', 'code']) },
      { accessKeyId: account.accessKeyId, accessKeySecret: over.secret ?? account.accessKeySecret },
      { endpoint: aliyun.url },
    );
  beforeAll(async () => {
    aliyun = await startAliyunSmsStandin(account);
  });
  afterAll(() => aliyun.close());

  it('sends the registered template with its named parameters and the outbox id as OutId', async () => {
    expect(await provider().send(rating)).toEqual({ outcome: 'sent', providerMessageId: '1^0' });
    expect(aliyun.sent.at(-1)).toEqual({
      phone: '13800138000',
      signName: '徐汇司法',
      templateCode: 'SMS_4001',
      params: { caseNo: 'XH-2026-000123', code: 'ABCDE-FGHJK' },
      outId: rating.id,
    });
  });

  it('retries when throttled, fails for good on a bad template or a wrong secret', async () => {
    aliyun.failNext.push('isv.BUSINESS_LIMIT_CONTROL');
    expect(await provider().send(rating)).toMatchObject({
      outcome: 'retry',
      error: expect.stringMatching(/^isv\.BUSINESS_LIMIT_CONTROL/),
    });
    expect(await provider({ templateId: 'SMS_9999' }).send(rating)).toMatchObject({
      outcome: 'failed',
      error: expect.stringMatching(/^isv\.SMS_TEMPLATE_ILLEGAL/),
    });
    expect(await provider({ secret: 'wrong' }).send(rating)).toMatchObject({
      outcome: 'failed',
      error: expect.stringMatching(/^SignatureDoesNotMatch/),
    });
  });

  it('fails without sending a template the district never registered', async () => {
    const before = aliyun.sent.length;
    const unregistered = createAliyunSms(
      { signName: '徐汇司法' },
      { accessKeyId: account.accessKeyId, accessKeySecret: account.accessKeySecret },
      { endpoint: aliyun.url },
    );
    expect(await unregistered.send(rating)).toEqual({
      outcome: 'failed',
      error: 'template-not-registered: rating-code',
    });
    expect(aliyun.sent.length).toBe(before);
  });

  it('retries when the provider cannot be reached', async () => {
    const away = createAliyunSms(
      { signName: '徐汇司法', ...registered('SMS_4001', ['caseNo', 'code']) },
      { accessKeyId: 'x', accessKeySecret: 'y' },
      { endpoint: 'http://127.0.0.1:1/' },
    );
    expect(await away.send(rating)).toMatchObject({
      outcome: 'retry',
      error: expect.stringMatching(/^unreachable/),
    });
  });
});

describe('Tencent Cloud SMS against a stand-in that checks TC3-HMAC-SHA256', () => {
  let tencent: Awaited<ReturnType<typeof startTencentSmsStandin>>;
  const account = { secretId: 'AKID-test', secretKey: 'secret-tencent', templates: ['1234567'] };
  const provider = (over: { secretKey?: string; templateId?: string } = {}) =>
    createTencentSms(
      {
        smsSdkAppId: '1400000000',
        signName: '徐汇司法',
        ...registered(over.templateId ?? '1234567', ['1', '2']),
      },
      { secretId: account.secretId, secretKey: over.secretKey ?? account.secretKey },
      { endpoint: tencent.url },
    );
  beforeAll(async () => {
    tencent = await startTencentSmsStandin(account);
  });
  afterAll(() => tencent.close());

  it('sends the template id with positional parameters, +86 and the outbox id as SessionContext', async () => {
    expect(await provider().send(rating)).toEqual({ outcome: 'sent', providerMessageId: 'serial-1' });
    expect(tencent.sent.at(-1)).toEqual({
      phone: '+8613800138000',
      templateId: '1234567',
      params: ['XH-2026-000123', 'ABCDE-FGHJK'],
      sessionContext: rating.id,
    });
  });

  it('retries on a request limit, fails for good on an unapproved template or a bad signature', async () => {
    tencent.failNext.push('RequestLimitExceeded');
    expect(await provider().send(rating)).toMatchObject({ outcome: 'retry' });
    expect(await provider({ templateId: '7654321' }).send(rating)).toMatchObject({
      outcome: 'failed',
      error: expect.stringMatching(/^FailedOperation\.TemplateIncorrectOrUnapproved/),
    });
    expect(await provider({ secretKey: 'wrong' }).send(rating)).toMatchObject({
      outcome: 'failed',
      error: expect.stringMatching(/^AuthFailure\.SignatureFailure/),
    });
  });
});
