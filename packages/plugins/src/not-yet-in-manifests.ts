import { type ActivityFact, type EntryPoint, type StatisticDefinition, sql } from '@linju/plugin-sdk';

/**
 * Extension points of plugins whose manifests do not declare them yet: their movers put them into
 * the manifests (a manifest's own declaration wins over these), and this file goes once none is
 * left. The composition root may name plugins and their tables; core and the API may not.
 */
export const statisticsNotYetInManifests: Readonly<Record<string, readonly StatisticDefinition[]>> = {
  consultation: [
    {
      // 咨询时长: each answer's minutes at its unit, by channel.
      id: 'consultation-minutes',
      label: { 'zh-CN': '咨询时长', en: 'Consultation minutes' },
      measure: 'consultation',
      recount: async (db) =>
        (
          await db.query<{
            organisation_id: string;
            held_at: string;
            channel: string;
            duration_minutes: number;
          }>(sql`
            select organisation_id, to_json(held_at) #>> '{}' as held_at, channel, duration_minutes
            from consultation_log`)
        ).map(
          (log): ActivityFact => ({
            organisationId: log.organisation_id,
            at: new Date(log.held_at),
            value: log.channel,
            amount: Number(log.duration_minutes),
          }),
        ),
    },
  ],
  'legal-education': [
    {
      // 法治宣传活动: each event with its attendance at its unit, by type, in the month it was held.
      id: 'event-attendance',
      label: { 'zh-CN': '宣传活动参与人次', en: 'Event attendance' },
      measure: 'education-event',
      recount: async (db) =>
        (
          await db.query<{
            organisation_id: string;
            held_on: string;
            event_type: string;
            attendance: number;
          }>(sql`
            select organisation_id, held_on::text as held_on, event_type, attendance
            from legal_education_event`)
        ).map(
          (event): ActivityFact => ({
            organisationId: event.organisation_id,
            at: event.held_on,
            value: event.event_type,
            amount: Number(event.attendance),
          }),
        ),
    },
  ],
};

/** The seven plain-language entry points of Xuhui's community "legal service living rooms" (七条宣传语). */
export const entryPointsNotYetInManifests: Readonly<Record<string, readonly EntryPoint[]>> = {
  consultation: [
    { id: 'contract', slogan: { 'zh-CN': '合同签订来坐坐', en: 'Signing a contract? Drop in' }, position: 1 },
    {
      id: 'large-payment',
      slogan: { 'zh-CN': '大额付款来坐坐', en: 'A large payment? Drop in' },
      position: 3,
    },
  ],
  notary: [
    {
      id: 'property-transfer',
      slogan: { 'zh-CN': '房产过户来坐坐', en: 'Transferring property? Drop in' },
      position: 2,
    },
    { id: 'inheritance', slogan: { 'zh-CN': '继承知识来问问', en: 'Inheritance? Just ask' }, position: 6 },
  ],
  mediation: [
    { id: 'dispute', slogan: { 'zh-CN': '纠纷隐忧来坐坐', en: 'A dispute brewing? Drop in' }, position: 4 },
    {
      id: 'marriage-family',
      slogan: { 'zh-CN': '婚姻家事来聊聊', en: 'Marriage and family? Let’s talk' },
      position: 5,
    },
  ],
  'legal-aid': [
    {
      id: 'labour-rights',
      slogan: { 'zh-CN': '劳动权益来学学', en: 'Labour rights? Learn here' },
      position: 7,
    },
  ],
};
