import { describe, expect, it } from 'vitest';
import { campaignReport, type EducationEvent, monthsOf } from './events.ts';

const event = (over: Partial<EducationEvent>): EducationEvent => ({
  id: crypto.randomUUID(),
  organisationId: 'room-a',
  heldOn: '2026-12-04',
  eventType: 'campaign',
  theme: 'constitution',
  title: '宪法宣传周进社区',
  venue: '甲居民区广场',
  audience: '居民',
  attendance: 120,
  materials: 500,
  themedDay: false,
  recordedBy: '宣传员',
  ...over,
});

describe('the legal publicity report', () => {
  const events = [
    event({ campaign: '2026 宪法宣传周', themedDay: true }),
    event({ organisationId: 'room-b', campaign: '2026 宪法宣传周', attendance: 80, materials: 300 }),
    event({
      heldOn: '2026-11-15',
      theme: 'anti-fraud',
      eventType: 'into-markets',
      attendance: 45,
      materials: 200,
      themedDay: true,
    }),
  ];
  const report = campaignReport(events, { from: '2026-11-01', to: '2026-12-31' }, ['room-a', 'room-b']);

  it('adds up events, attendance and materials handed out', () => {
    expect(report.totals).toEqual({ events: 3, attendance: 245, materials: 1000 });
    expect(report.byTheme).toEqual([
      { theme: 'constitution', events: 2, attendance: 200, materials: 800 },
      { theme: 'anti-fraud', events: 1, attendance: 45, materials: 200 },
    ]);
    expect(report.byCampaign).toEqual([
      { campaign: '2026 宪法宣传周', events: 2, attendance: 200, materials: 800 },
    ]);
    expect(report.byOrganisation.map((o) => o.organisationId)).toEqual(['room-a', 'room-b']);
  });

  it('names the service points that missed a monthly themed day', () => {
    expect(report.missingThemedDays).toEqual([
      { organisationId: 'room-b', month: '2026-11' },
      { organisationId: 'room-b', month: '2026-12' },
    ]);
  });

  it('counts the months of a period across a year end', () => {
    expect(monthsOf('2026-11-20', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});
