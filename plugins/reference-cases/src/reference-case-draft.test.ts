import { describe, expect, it } from 'vitest';
import { draftReferenceCase } from './reference-case-draft.ts';

describe('the draft of a reference case', () => {
  it('joins the description and the form’s sentences, names and numbers removed', () => {
    const draft = draftReferenceCase(
      {
        description: '张伟借给李娜5万元未还。',
        form: {
          disputeType: 'loan',
          summary: '李娜称手头紧，张伟电话13812345678多次催要无果',
          incidentDate: '2025-01-06',
          amount: 50000,
        },
      },
      ['张伟', '李娜'],
    );
    expect(draft.summary.text).toBe(
      '当事人甲借给当事人乙5万元未还。\n当事人乙称手头紧，当事人甲电话【电话】多次催要无果',
    );
    expect(draft.title).toBe('当事人甲借给当事人乙5万元未还');
    expect(draft.summary.removed).toEqual({ name: 4, phone: 1 });
  });

  it('does not repeat a form answer that says what the description says', () => {
    const draft = draftReferenceCase({ description: '楼上噪音扰民', form: { summary: '楼上噪音扰民' } }, []);
    expect(draft.summary.text).toBe('楼上噪音扰民');
  });
});
