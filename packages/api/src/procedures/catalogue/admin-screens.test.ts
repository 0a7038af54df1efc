import { describe, expect, it } from 'vitest';
import { caseToolScreens } from './admin-screens.ts';

const screen = (pluginId: string, id: string) => ({
  pluginId,
  id,
  path: `${pluginId}/${id}`,
  label: { 'zh-CN': id, en: id },
  permission: 'case.read',
});

describe('caseToolScreens', () => {
  it('links the case-tools screens of the knowledge plugins switched on at the case’s unit, and no other screen', () => {
    const declared = [
      { placement: ['case-tools' as const], screen: screen('statute-notes', 'notes') },
      { placement: ['case-tools' as const], screen: screen('expert-desk', 'ask') },
      { placement: ['case-service' as const], screen: screen('x-rent-clinic', 'record') },
      { placement: ['navigation' as const], screen: screen('statute-notes', 'library') },
    ];
    expect(caseToolScreens(['statute-notes', 'x-rent-clinic'], declared)).toEqual([
      screen('statute-notes', 'notes'),
    ]);
    expect(caseToolScreens([], declared)).toEqual([]);
  });
});
