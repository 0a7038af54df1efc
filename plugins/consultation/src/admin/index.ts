import type { PluginMessageKey } from '@linju/plugin-sdk';
import { caseScreen, districtDateTime, parseCount } from '@linju/plugin-sdk/admin';
import type { messages } from '../messages.ts';
import { CONSULTATION_CHANNELS, FOLLOW_UPS } from '../vocabulary.ts';
import { ConsultationPage, type ConsultationPageData } from './consultation-page.tsx';

/** The consultation page of a case (the manifest's `case-consultation` route). */
export const consultationScreen = caseScreen<ConsultationPageData, PluginMessageKey<typeof messages>>({
  id: 'case-consultation',
  page: 'page',
  intents: {
    log: {
      procedure: 'createLog',
      // A refusal naming no field of the form is summarised under the answer's label.
      fields: {
        answer: 'consultation.page.answer',
        channel: 'consultation.page.channel',
        topic: 'consultation.page.topic',
        adviserName: 'consultation.page.adviser',
        heldAt: 'consultation.page.held_at',
        durationMinutes: 'consultation.page.duration',
        followUp: 'consultation.page.follow_up',
        followUpNote: 'consultation.page.follow_up_note',
      },
      input: (form, at) => {
        const note = (form.followUpNote ?? '').trim();
        return {
          caseId: at.caseId,
          channel: CONSULTATION_CHANNELS.find((c) => c === form.channel) ?? 'walk-in',
          topic: form.topic,
          adviserName: form.adviserName,
          heldAt: districtDateTime((form.heldAt ?? '').trim()),
          // Not a count: the API refuses it as out of range, naming the field.
          durationMinutes: parseCount(form.durationMinutes ?? '') ?? 0,
          answer: form.answer,
          followUp: FOLLOW_UPS.find((f) => f === form.followUp) ?? 'none',
          ...(note ? { followUpNote: note } : {}),
        };
      },
      done: 'log',
    },
  },
  heading: (data, t) => ({
    title: t('consultation.page.title', { number: data.case.number }),
    caseNumber: data.case.number,
  }),
  Component: ConsultationPage,
});

export { adminRoutes } from '../admin-routes.ts';
export { messages } from '../messages.ts';

export const pluginId = 'consultation';

/** Lawyer consultation's screens, hosted by the admin app. */
export const adminScreens = [consultationScreen];
