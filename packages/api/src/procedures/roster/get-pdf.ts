import { getOrganisation, getRoster } from '@linju/core';
import { renderPdf } from '@linju/documents';
import type { DocumentBlock } from '@linju/plugin-sdk';
import { type pluginIds, pluginRegistry } from '@linju/plugins';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

const TEXT = {
  'zh-CN': {
    title: (unit: string) => `${unit}值班表`,
    intro: '每周固定值班时段和主题活动日，欢迎群众前来咨询。',
    week: '每周值班',
    themed: '主题活动日',
    none: '暂无安排。',
    weekdays: ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'],
  },
  en: {
    title: (unit: string) => `Duty rota of ${unit}`,
    intro: 'Fixed weekly duty hours and themed days: residents are welcome.',
    week: 'Weekly duty',
    themed: 'Themed days',
    none: 'Nothing planned yet.',
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  },
} as const;

/**
 * The rota of a unit as a PDF to post in the room (公示): its weekly slots and themed days a year
 * ahead, laid out by the shared document renderer with its embedded CJK font.
 */
export const getPdf = permittedProcedure('organisation.read')
  .input(
    z.object({
      organisationId: z.uuid(),
      fromMonth: z.string(),
      locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
    }),
  )
  .query(async ({ ctx, input }) => {
    const text = TEXT[input.locale];
    const unit = await getOrganisation(ctx.tx, input.organisationId);
    const { slots, themedDays } = await getRoster(ctx.tx, input);
    const unitName = input.locale === 'en' ? unit.nameEn : unit.nameZh;
    const serviceName = (id: string) =>
      pluginRegistry.has(id) ? pluginRegistry.get(id as (typeof pluginIds)[number]).name[input.locale] : id;
    const blocks: DocumentBlock[] = [
      { kind: 'paragraph', text: text.intro },
      ...(unit.address ? [{ kind: 'paragraph' as const, text: unit.address }] : []),
      { kind: 'heading', text: text.week },
      slots.length > 0
        ? {
            kind: 'fields',
            items: slots.map((slot) => ({
              label: `${text.weekdays[slot.weekday - 1] ?? ''} ${slot.startsAt}–${slot.endsAt}`,
              value: `${serviceName(slot.serviceType)} · ${slot.personName}`,
            })),
          }
        : { kind: 'paragraph', text: text.none },
      { kind: 'heading', text: text.themed },
      themedDays.length > 0
        ? {
            kind: 'fields',
            items: themedDays.map((day) => ({
              label: day.day,
              value: day.serviceType ? `${day.theme} · ${serviceName(day.serviceType)}` : day.theme,
            })),
          }
        : { kind: 'paragraph', text: text.none },
    ];
    const pdf = await renderPdf({ title: text.title(unitName), blocks, language: input.locale });
    return {
      fileName: `${text.title(unitName)}.pdf`,
      contentBase64: Buffer.from(pdf).toString('base64'),
    };
  });
