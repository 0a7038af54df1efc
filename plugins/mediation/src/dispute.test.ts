import { PluginRuleError } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { disputeOf } from './dispute.ts';

const form = {
  summary: '楼上住户卫生间渗水导致楼下天花板霉变，双方就维修和赔偿多次协商未果。',
  parties: [
    { name: '陈建国', role: 'applicant' },
    { name: '刘海燕', role: 'respondent' },
  ],
};
const unread = () => Promise.reject(new Error('the case parties were read although the form has them'));

describe('the dispute of a mediation case', () => {
  it('takes the parties and the summary from the mediation form', async () => {
    expect(await disputeOf({ form, description: '楼上漏水' }, unread)).toEqual({
      summary: form.summary,
      parties: form.parties,
    });
  });

  it('falls back to the case: the resident and co-applicants apply, adverse parties respond, no one else signs', async () => {
    const dispute = await disputeOf({ form: {}, description: '兄妹因父母房屋继承发生争执' }, async () => [
      { name: '孙丽华', role: 'resident' },
      { name: '孙丽娟', role: 'co-applicant' },
      { name: '孙立强', role: 'adverse' },
      { name: '邻居老王', role: 'other' },
      { name: '某物业公司', role: 'third-party' },
      { name: '李律师', role: 'agent' },
    ]);
    expect(dispute).toEqual({
      summary: '兄妹因父母房屋继承发生争执',
      parties: [
        { name: '孙丽华', role: 'applicant' },
        { name: '孙丽娟', role: 'applicant' },
        { name: '孙立强', role: 'respondent' },
      ],
    });
  });

  it('refuses a case with nobody to mediate with', async () => {
    const none = disputeOf({ form: null, description: '咨询' }, async () => [
      { name: '孙丽华', role: 'resident' },
    ]);
    await expect(none).rejects.toThrow(PluginRuleError);
    await expect(none).rejects.toThrow('mediation.case_has_no_parties');
  });
});
