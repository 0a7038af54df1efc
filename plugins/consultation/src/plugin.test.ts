import { createPluginRegistry } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { plugin } from './plugin.ts';

describe('consultation plugin', () => {
  const registry = createPluginRegistry([plugin]);

  it('has a valid manifest the registry accepts', () => {
    expect(registry.get('consultation')).toBe(plugin);
    expect(plugin.categories.map((category) => category.id)).toContain('urban-renewal');
  });

  it('accepts a realistic walk-in question', () => {
    const result = registry.validateIntake('consultation', {
      topic: '物业费纠纷',
      channel: 'walk-in',
      question: '小区电梯停运三个月，物业公司仍要求全额缴纳物业费，不交就停车库门禁，我该怎么办？',
    });
    expect(result.ok).toBe(true);
  });

  it('names the field of a bad intake', () => {
    const result = registry.validateIntake('consultation', {
      topic: '物业费纠纷',
      channel: 'wechat',
      question: '小区电梯停运三个月，物业公司仍要求全额缴纳物业费。',
    });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(['channel']);
  });
});
