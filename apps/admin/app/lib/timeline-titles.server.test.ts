import { translate } from '@linju/i18n';
import { pluginAdmins } from '@linju/plugins/admin';
import { describe, expect, it } from 'vitest';
import { timelineStepTitle } from './timeline-titles.server.ts';

describe('a timeline step named by the case page loader', () => {
  it("names a plugin's step in the plugin's own words, in both languages", () => {
    const named = pluginAdmins.flatMap((admin) =>
      Object.entries(admin.messages['zh-CN'])
        .filter(([key]) => key.startsWith(`${admin.pluginId}.audit.`) && !key.includes('.audit.object.'))
        .map(([key, zh]) => ({ admin, key, zh })),
    )[0];
    if (!named) throw new Error('no installed plugin names an audit action');
    const action = named.key.replace('.audit.', '.');
    expect(timelineStepTitle('note', { action })).toEqual({
      'zh-CN': named.zh,
      en: named.admin.messages.en[named.key],
    });
  });

  it("names the platform's steps and a referral's own entries as the audit log does", () => {
    expect(timelineStepTitle('note', { action: 'case.consent_recorded' })).toEqual({
      'zh-CN': translate('zh-CN', 'auditAction.case.consent_recorded'),
      en: translate('en', 'auditAction.case.consent_recorded'),
    });
    expect(timelineStepTitle('referral', { event: 'accepted' })?.['zh-CN']).toBe(
      translate('zh-CN', 'auditAction.referral.accepted'),
    );
  });

  it('leaves a plain note, other kinds and unknown steps to be named by their kind', () => {
    expect(timelineStepTitle('note', { action: 'case.note_added' })).toBeNull();
    expect(timelineStepTitle('note', {})).toBeNull();
    expect(timelineStepTitle('status', { action: 'case.consent_recorded' })).toBeNull();
    expect(timelineStepTitle('note', { action: 'gone-plugin.something_done' })).toBeNull();
  });
});
