import { describe, expect, it } from 'vitest';
import { durationStatistics, ZLogConsultationRequest } from './consultation-log.ts';

describe('consultation duration statistics', () => {
  it('gives count, total, mean, median and longest', () => {
    expect(durationStatistics([5, 30, 10, 15])).toEqual({
      consultations: 4,
      totalMinutes: 60,
      averageMinutes: 15,
      medianMinutes: 12.5,
      longestMinutes: 30,
    });
    expect(durationStatistics([7, 3, 5])).toMatchObject({ averageMinutes: 5, medianMinutes: 5 });
    expect(durationStatistics([])).toMatchObject({ consultations: 0, averageMinutes: 0 });
  });
});

describe('a consultation log entry', () => {
  const entry = {
    caseId: crypto.randomUUID(),
    channel: 'hotline',
    topic: '房屋租赁押金',
    adviserName: '张律师',
    heldAt: '2026-11-20T02:00:00Z',
    durationMinutes: 12,
    answer: '出租人无正当理由不退押金的，可先协商，协商不成可申请人民调解或起诉',
  };

  it('needs a note when something follows up', () => {
    expect(ZLogConsultationRequest.safeParse(entry).success).toBe(true);
    const missing = ZLogConsultationRequest.safeParse({ ...entry, followUp: 'call-back' });
    expect(missing.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['followUpNote', 'consultation.follow_up_note_required'],
    ]);
  });
});
