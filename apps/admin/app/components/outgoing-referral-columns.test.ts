import { tableCells } from '@linju/ui';
import { describe, expect, it } from 'vitest';
import {
  isOverdue,
  outgoingReferralColumns,
  outgoingReferralRowView,
  sortedOutgoingReferrals,
} from './outgoing-referral-columns.tsx';

const station = {
  id: '00000000-0000-4000-8000-000000000001',
  nameZh: '徐家汇街道工作站',
  nameEn: 'Xujiahui station',
};
const referral = (id: string, createdAt: string, dueBy: string, status = 'accepted') =>
  outgoingReferralRowView(
    {
      id,
      kind: 'judicial-confirmation',
      status,
      toOrganisationId: station.id,
      subjectName: '张三',
      outcomeText: null,
      createdAt: new Date(createdAt),
      dueBy: new Date(dueBy),
      caseId: null,
    },
    [station],
  );

describe('the sent referrals list', () => {
  const early = referral('a', '2026-11-02T02:00:00Z', '2026-11-20T09:00:00Z');
  const late = referral('b', '2026-11-05T02:00:00Z', '2026-11-10T09:00:00Z');

  it('lists the newest sent first, or the soonest due first', () => {
    expect(sortedOutgoingReferrals([early, late], 'sent').map((r) => r.id)).toEqual(['b', 'a']);
    expect(sortedOutgoingReferrals([early, late], 'due').map((r) => r.id)).toEqual(['b', 'a']);
    expect(sortedOutgoingReferrals([late, early], 'due').map((r) => r.id)).toEqual(['b', 'a']);
    const sameDue = referral('c', '2026-11-06T02:00:00Z', '2026-11-20T09:00:00Z');
    expect(sortedOutgoingReferrals([early, sameDue], 'due').map((r) => r.id)).toEqual(['c', 'a']);
  });

  it('names the partner of the district, and none for a referral to another deployment', () => {
    expect(late.to).toEqual({ nameZh: '徐家汇街道工作站', nameEn: 'Xujiahui station' });
    const away = outgoingReferralRowView({ ...late, toOrganisationId: null, createdAt: late.sentAt }, [
      station,
    ]);
    expect(away.to).toBeNull();
  });

  it('is overdue only while the partner still owes an answer', () => {
    const now = '2026-11-15T00:00:00.000Z';
    expect(isOverdue(late.dueBy, 'accepted', now)).toBe(true);
    expect(isOverdue(late.dueBy, 'completed', now)).toBe(false);
    expect(isOverdue(early.dueBy, 'accepted', now)).toBe(false);
  });

  it('exports the words of the screen, in Chinese', () => {
    const columns = outgoingReferralColumns({
      locale: 'zh-CN',
      now: '2026-11-15T00:00:00.000Z',
      tenantSlug: 'xuhui',
    }).filter((column) => column.text);
    const { columns: headings, rows } = tableCells(columns, [late]);
    expect(headings).toEqual(['类型', '接收单位', '当事人', '状态', '发出时间', '办结期限']);
    expect(rows[0]?.[1]).toBe('徐家汇街道工作站');
    expect(rows[0]?.[2]).toBe('张三');
    expect(rows[0]?.[5]).toContain('已超期');
    expect(rows[0]?.join('')).not.toMatch(/judicial|accepted/);
  });
});
