import { describe, expect, it } from 'vitest';
import { serviceName } from './service-name.ts';

describe('a service’s name', () => {
  const services = [{ id: 'x-rent-clinic', name: { 'zh-CN': '租房法律门诊', en: 'Rent clinic' } }];

  it('comes from the services the district offers, in the page’s language', () => {
    expect(serviceName(services, 'x-rent-clinic', 'zh-CN')).toBe('租房法律门诊');
    expect(serviceName(services, 'x-rent-clinic', 'en')).toBe('Rent clinic');
  });

  it('says in words that triage has not decided yet, never the stored code', () => {
    expect(serviceName(services, 'undecided', 'zh-CN')).toBe('待定');
    expect(serviceName(services, 'undecided', 'en')).not.toBe('undecided');
  });
});
