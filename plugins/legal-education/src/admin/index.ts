import type { PluginMessageKey } from '@linju/plugin-sdk';
import { districtScreen, type FormValues, parseCount, type ScreenIntent } from '@linju/plugin-sdk/admin';
import type { messages } from '../messages.ts';
import { LegalEducationPage, type LegalEducationPageData } from './legal-education-page.tsx';

type Key = PluginMessageKey<typeof messages>;

/** The labels of an event's fields; a refusal naming none of them is summarised under the title's. */
const EVENT_FIELDS = {
  title: 'legal-education.page.event_title',
  organisationId: 'legal-education.page.unit',
  heldOn: 'legal-education.page.held_on',
  eventType: 'legal-education.page.event_type',
  theme: 'legal-education.page.theme',
  venue: 'legal-education.page.venue',
  audience: 'legal-education.page.audience',
  attendance: 'legal-education.page.attendance',
  materials: 'legal-education.page.materials',
  campaign: 'legal-education.page.campaign',
  themedDay: 'legal-education.page.themed_day',
} satisfies Record<string, Key>;

/** An event as typed: counts that are not counts are refused as out of range, at their field. */
const eventInput = (form: FormValues) => {
  const materials = form.materials ? parseCount(form.materials) : 0;
  return {
    organisationId: form.organisationId,
    heldOn: form.heldOn,
    eventType: form.eventType,
    theme: form.theme,
    title: form.title,
    venue: form.venue,
    audience: form.audience,
    attendance: parseCount(form.attendance ?? '') ?? -1,
    materials: materials ?? -1,
    ...(form.campaign ? { campaign: form.campaign } : {}),
    themedDay: form.themedDay === 'on',
  };
};

const recordIntent: ScreenIntent = {
  procedure: 'recordEvent',
  fields: EVENT_FIELDS,
  input: eventInput,
  done: 'event',
};

const editIntent: ScreenIntent = {
  procedure: 'updateEvent',
  fields: { ...EVENT_FIELDS, id: 'legal-education.page.event_title' },
  input: (form) => ({ id: form.id, ...eventInput(form) }),
  done: 'edit',
};

/** The legal-education page (the manifest's `events` route, in the navigation). */
export const legalEducationScreen = districtScreen<LegalEducationPageData, Key>({
  id: 'events',
  page: 'page',
  intents: { event: recordIntent, edit: editIntent },
  heading: (_data, t) => ({ title: t('legal-education.page.title') }),
  Component: LegalEducationPage,
});

export { adminRoutes } from '../admin-routes.ts';
export { messages } from '../messages.ts';

export const pluginId = 'legal-education';

/** The plugin's screens, hosted by the admin app. */
export const adminScreens = [legalEducationScreen];
