import { field, type LocalizedText } from '@linju/plugin-sdk';
import { z } from 'zod';
import { NOTARY_MATTER_DETAILS, NOTARY_MATTERS } from './notary-matters.ts';

/** Why a resident qualifies for the green channel (老弱病残绿色通道): priority handling, home visits. */
export const GREEN_CHANNEL_REASONS = ['elderly', 'sick', 'disabled'] as const;

const matterLabels = Object.fromEntries(
  NOTARY_MATTERS.map((id) => [id, NOTARY_MATTER_DETAILS[id].name]),
) as Record<(typeof NOTARY_MATTERS)[number], LocalizedText>;

/** The intake form of a notarial matter. */
export const notaryIntakeForm = z
  .object({
    matterType: field(z.enum(NOTARY_MATTERS), {
      label: { 'zh-CN': '公证事项', en: 'Notarial matter' },
      options: matterLabels,
    }),
    applicantName: field(z.string().trim().min(1).max(50), {
      label: { 'zh-CN': '申请人姓名', en: 'Applicant' },
    }),
    usedAbroad: field(z.boolean().default(false), {
      label: { 'zh-CN': '用于出国（境）', en: 'For use abroad' },
      help: {
        'zh-CN': '公证书需译文或认证时勾选',
        en: 'Tick when the certificate needs a translation or legalisation',
      },
    }),
    destination: field(z.string().trim().min(1).max(100).optional(), {
      label: { 'zh-CN': '使用国家或地区', en: 'Country or region of use' },
    }),
    channel: field(z.enum(['in-person', 'remote']).default('in-person'), {
      label: { 'zh-CN': '办理方式', en: 'How it is handled' },
      options: {
        'in-person': { 'zh-CN': '到公证处办理', en: 'At the notary office' },
        remote: { 'zh-CN': '远程视频公证', en: 'Remote video notarization' },
      },
    }),
    greenChannel: field(z.boolean().default(false), {
      label: { 'zh-CN': '老弱病残绿色通道', en: 'Green channel (elderly, sick, disabled)' },
    }),
    greenChannelReason: field(z.enum(GREEN_CHANNEL_REASONS).optional(), {
      label: { 'zh-CN': '绿色通道事由', en: 'Green channel reason' },
      options: {
        elderly: { 'zh-CN': '高龄老人', en: 'Elderly' },
        sick: { 'zh-CN': '患病行动不便', en: 'Ill or unable to travel' },
        disabled: { 'zh-CN': '残疾人', en: 'Disabled' },
      },
    }),
    expedited: field(z.boolean().default(false), {
      label: { 'zh-CN': '加急办理', en: 'Expedited' },
      help: {
        'zh-CN': '出境、就医等急需用证时申请',
        en: 'When the certificate is urgently needed, e.g. for travel or treatment',
      },
    }),
  })
  .superRefine((form, ctx) => {
    if (form.usedAbroad && !form.destination) {
      ctx.addIssue({
        code: 'custom',
        path: ['destination'],
        message: 'is required for a certificate used abroad',
      });
    }
    if (form.greenChannel && !form.greenChannelReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['greenChannelReason'],
        message: 'is required for the green channel',
      });
    }
  });

/** A validated notary intake. */
export type NotaryIntake = z.output<typeof notaryIntakeForm>;
