import { describe, expect, it } from 'vitest';
import { limitRows, parseWorkingDays, splitLimitTarget } from './time-limits.ts';

const disputes = {
  pluginId: 'x-disputes',
  name: { 'zh-CN': '纠纷化解', en: 'Disputes' },
  categories: [
    { id: 'family', name: { 'zh-CN': '婚姻家庭', en: 'Family' } },
    { id: 'neighbours', name: { 'zh-CN': '邻里', en: 'Neighbours' } },
    { id: 'debts', name: { 'zh-CN': '债务', en: 'Debts' } },
  ],
  deadlines: { defaultWorkingDays: 22, byCategory: { neighbours: 15 } },
};

describe('limitRows', () => {
  it('shows the service default and the categories with a limit of their own, the district’s beating the plugin’s', () => {
    const rows = limitRows(
      [disputes],
      [
        { serviceType: 'x-disputes', category: 'neighbours', workingDays: 10 },
        { serviceType: 'x-disputes', category: 'debts', workingDays: 30 },
      ],
    );
    expect(rows.map(({ category, workingDays, district }) => [category, workingDays, district])).toEqual([
      ['*', 22, false],
      ['neighbours', 10, true],
      ['debts', 30, true],
    ]);
  });

  it('takes a district default for the whole service', () => {
    const [first] = limitRows([disputes], [{ serviceType: 'x-disputes', category: '*', workingDays: 20 }]);
    expect(first).toMatchObject({ category: '*', workingDays: 20, district: true });
  });
});

describe('the time-limit form', () => {
  it('splits the chosen target and refuses anything else', () => {
    expect(splitLimitTarget('x-disputes|neighbours')).toEqual({
      serviceType: 'x-disputes',
      category: 'neighbours',
    });
    expect(splitLimitTarget('x-rent-clinic|*')).toEqual({ serviceType: 'x-rent-clinic', category: '*' });
    expect(splitLimitTarget('')).toBeUndefined();
    expect(splitLimitTarget('Disputes|x')).toBeUndefined();
  });

  it('reads whole working days within range', () => {
    expect(parseWorkingDays(' 15 ')).toBe(15);
    expect(parseWorkingDays('0')).toBeUndefined();
    expect(parseWorkingDays('0', 0, 30)).toBe(0);
    expect(parseWorkingDays('1.5')).toBeUndefined();
    expect(parseWorkingDays('366')).toBeUndefined();
  });
});
