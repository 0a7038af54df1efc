import { describe, expect, it } from 'vitest';
import { serviceName } from './service-name.ts';

const services = [{ id: 'x-rent-clinic', name: { 'zh-CN': '租房法律门诊', en: 'Rent clinic' } }];

describe('serviceName', () => {
  it('names an installed service in the reader’s language', () => {
    expect(serviceName(services, 'x-rent-clinic', 'zh-CN')).toBe('租房法律门诊');
    expect(serviceName(services, 'x-rent-clinic', 'en')).toBe('Rent clinic');
  });

  it('says 待定 for a case not triaged yet, never the code', () => {
    expect(serviceName(services, 'undecided', 'zh-CN')).toBe('待定');
    expect(serviceName(services, 'undecided', 'en')).not.toBe('undecided');
  });

  it('shows a service no longer installed as its id', () => {
    expect(serviceName(services, 'x-gone', 'zh-CN')).toBe('x-gone');
  });
});
