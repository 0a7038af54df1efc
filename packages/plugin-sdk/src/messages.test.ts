import { describe, expect, expectTypeOf, it } from 'vitest';
import { definePlugin } from './define-plugin.ts';
import { defineMessages, type PluginMessageKey, pluginMessage } from './messages.ts';
import { PluginManifestError } from './plugin-manifest-error.ts';
import { exampleManifest } from './test-fixtures.ts';

const messages = defineMessages('mediation', {
  'zh-CN': { 'mediation.title': '调解 {number}', 'mediation.no_parties': '案件没有当事人' },
  en: { 'mediation.title': 'Mediation {number}', 'mediation.no_parties': 'The case has no parties' },
});

describe('plugin messages', () => {
  it('keep their keys as a type and translate with parameters', () => {
    expectTypeOf<PluginMessageKey<typeof messages>>().toEqualTypeOf<
      'mediation.title' | 'mediation.no_parties'
    >();
    expect(pluginMessage(messages, 'zh-CN', 'mediation.title', { number: 'XH-1' })).toBe('调解 XH-1');
    expect(pluginMessage(messages, 'en', 'mediation.title')).toBe('Mediation {number}');
  });

  it('refuse, at compile time and at run time, a key without the prefix or missing in a locale', () => {
    expect(() =>
      defineMessages('mediation', {
        // @ts-expect-error: the key lacks the plugin's prefix
        'zh-CN': { 'notary.title': '公证' },
        en: { 'notary.title': 'Notary' },
      }),
    ).toThrow('"notary.title" must start with "mediation."');
    expect(() =>
      defineMessages('mediation', {
        'zh-CN': { 'mediation.a': '甲', 'mediation.b': '乙' },
        // @ts-expect-error: en lacks mediation.b
        en: { 'mediation.a': 'A' },
      }),
    ).toThrow('"mediation.b" is missing in en');
    expect(() =>
      defineMessages('mediation', {
        'zh-CN': { 'mediation.a': '甲' },
        // @ts-expect-error: en has a key zh-CN lacks
        en: { 'mediation.a': 'A', 'mediation.c': 'C' },
      }),
    ).toThrow('"mediation.c" is missing in zh-CN');
  });

  it("are the manifest's, under its own id", () => {
    expect(definePlugin({ ...exampleManifest(), messages }).messages).toBe(messages);
    const notary = defineMessages('notary', { 'zh-CN': { 'notary.a': '甲' }, en: { 'notary.a': 'A' } });
    expect(() => definePlugin({ ...exampleManifest(), messages: notary })).toThrow(PluginManifestError);
  });
});
