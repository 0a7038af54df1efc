import { describe, expect, it } from 'vitest';
import { providerConfigProblem, providerFields } from './provider-fields.ts';

describe('an adapter’s settings form', () => {
  it('is read off its schemas: required fields, defaults, kinds, and templates for SMS', () => {
    const aliyun = providerFields('aliyun-sms');
    expect(aliyun.settings).toEqual([
      { name: 'signName', kind: 'text', required: true },
      { name: 'regionId', kind: 'text', required: false, defaultValue: 'cn-hangzhou' },
    ]);
    expect(aliyun.credentials.map((f) => f.name)).toEqual(['accessKeyId', 'accessKeySecret']);
    expect(aliyun.templates).toBe(true);
    const smtp = providerFields('smtp');
    expect(smtp.settings).toContainEqual({
      name: 'port',
      kind: 'number',
      required: false,
      defaultValue: 465,
    });
    expect(smtp.settings).toContainEqual({
      name: 'secure',
      kind: 'boolean',
      required: false,
      defaultValue: true,
    });
    expect(smtp.templates).toBe(false);
    expect(providerFields('log')).toEqual({ settings: [], credentials: [], templates: false });
  });
});

describe('a provider configuration', () => {
  it('that an adapter can be made of has no problem', () => {
    expect(
      providerConfigProblem({
        provider: 'tencent-sms',
        settings: { smsSdkAppId: '1400000000', signName: '徐汇司法' },
        credentials: { secretId: 'AKID', secretKey: 'k' },
      }),
    ).toBeNull();
  });

  it('names the missing setting or credential', () => {
    expect(
      providerConfigProblem({
        provider: 'tencent-sms',
        settings: { signName: '徐汇司法' },
        credentials: { secretId: 'AKID', secretKey: 'k' },
      }),
    ).toEqual({ field: 'settings.smsSdkAppId' });
    expect(
      providerConfigProblem({
        provider: 'aliyun-sms',
        settings: { signName: '徐汇司法' },
        credentials: { accessKeyId: 'LTAI' },
      }),
    ).toEqual({ field: 'credentials.accessKeySecret' });
  });
});
