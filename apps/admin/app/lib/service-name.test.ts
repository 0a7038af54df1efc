import { describe, expect, it } from 'vitest';
import { categoryName, serviceCategoryName } from './service-name.ts';

const services = [
  {
    id: 'mediation',
    name: { 'zh-CN': '人民调解', en: 'Mediation' },
    categories: [{ id: 'neighbours', name: { 'zh-CN': '邻里纠纷', en: 'Neighbours' } }],
  },
];

describe('category names', () => {
  it('names a matter whose service is not decided yet', () => {
    expect(serviceCategoryName(services, 'undecided:', ':', 'zh-CN')).toBe('待定');
  });

  it('names a category by its service’s manifest, and shows one it no longer lists as stored', () => {
    expect(categoryName(services, 'mediation', 'neighbours', 'zh-CN')).toBe('邻里纠纷');
    expect(categoryName(services, 'mediation', 'neighbour', 'zh-CN')).toBe('neighbour');
  });

  it('names the statistics’ service and category keys in words', () => {
    expect(serviceCategoryName(services, 'mediation:neighbours', ':', 'zh-CN')).toBe('人民调解 · 邻里纠纷');
    expect(serviceCategoryName(services, 'mediation/neighbours', '/', 'en')).toBe('Mediation · Neighbours');
    expect(serviceCategoryName(services, 'mediation/-', '/', 'zh-CN')).toBe('人民调解');
  });
});
