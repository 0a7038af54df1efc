import { describe, expect, it } from 'vitest';
import { optionLabel, toDistrictInput } from './core-services.ts';

describe('what staff type', () => {
  it('shows a moment as a datetime-local value in the district time', () => {
    expect(toDistrictInput('2026-03-18T01:30:00.000Z')).toBe('2026-03-18T09:30');
  });
});

describe('the label of a form choice', () => {
  const fields = [
    {
      key: 'matter',
      options: [{ value: 'labour-remuneration', label: { 'zh-CN': '劳动报酬', en: 'Labour remuneration' } }],
    },
  ];

  it('comes from the form description in the reader’s language', () => {
    expect(optionLabel(fields, 'matter', 'labour-remuneration', 'zh-CN')).toBe('劳动报酬');
    expect(optionLabel(fields, 'matter', 'labour-remuneration', 'en')).toBe('Labour remuneration');
  });

  it('falls back to the answer itself, or a dash for none', () => {
    expect(optionLabel(fields, 'matter', 'other', 'en')).toBe('other');
    expect(optionLabel(fields, 'matter', undefined, 'en')).toBe('—');
  });
});
