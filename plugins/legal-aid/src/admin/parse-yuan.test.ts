import { describe, expect, it } from 'vitest';
import { parseYuan, yuanInput } from './parse-yuan.ts';

describe('what staff type', () => {
  it('reads amounts in yuan to the fen, with the separators people type', () => {
    expect(parseYuan('2690')).toBe(2690);
    expect(parseYuan(' 1 280.50 ')).toBe(1280.5);
    expect(parseYuan('3,000')).toBe(3000);
    expect(parseYuan('12.345')).toBeUndefined();
    expect(parseYuan('-5')).toBeUndefined();
    expect(parseYuan('')).toBeUndefined();
  });

  it('sends what is not an amount as NaN, for the schema to name the field', () => {
    expect(yuanInput('1 500')).toBe(1500);
    expect(yuanInput('一千')).toBeNaN();
  });
});
