import type { PluginMessageKey } from '@linju/plugin-sdk';
import { caseScreen, districtDateTime, districtScreen, parseCount } from '@linju/plugin-sdk/admin';
import { GREEN_CHANNEL_GROUPS } from '../green-channel.ts';
import type { messages } from '../messages.ts';
import { NotaryCasePage, type NotaryCasePageData } from './notary-case-page.tsx';
import { NotarySlotsPage, type NotarySlotsPageData } from './notary-slots-page.tsx';
import { onlineBookingScreen } from './online-booking-screen.tsx';

type Key = PluginMessageKey<typeof messages>;

/** The notary page of a case (the manifest's `case-notary` route). */
export const notaryCaseScreen = caseScreen<NotaryCasePageData, Key>({
  id: 'case-notary',
  page: 'page',
  intents: {
    documents: {
      procedure: 'setDocuments',
      fields: { received: 'notary.page.checklist' },
      lists: ['received'],
      input: (_form, at) => ({ caseId: at.caseId, received: at.lists?.received ?? [] }),
      done: 'documents',
    },
    book: {
      procedure: 'book',
      // A refusal about the case (already booked) is summarised under the booking's label.
      fields: {
        caseId: 'notary.page.booking',
        slotId: 'notary.page.slot',
        greenChannel: 'notary.page.green_channel',
        homeVisitAddress: 'notary.page.home_visit_address',
        expedited: 'notary.page.expedited',
      },
      check: (form) => ({ slotId: form.slotId ? undefined : 'notary.page.choose_slot' }),
      input: (form, at) => {
        const green = GREEN_CHANNEL_GROUPS.find((g) => g === form.greenChannel);
        return {
          caseId: at.caseId,
          slotId: form.slotId,
          // Unticked means "as the intake said": the procedure then takes the case's own answer.
          ...(form.expedited === 'on' ? { expedited: true } : {}),
          ...(green ? { greenChannel: green } : {}),
          ...(form.homeVisitAddress ? { homeVisitAddress: form.homeVisitAddress } : {}),
        };
      },
      done: 'book',
    },
    cancel: {
      procedure: 'cancelBooking',
      fields: { bookingId: 'notary.page.booking', reason: 'notary.page.cancel_reason' },
      input: (form, at) => ({ caseId: at.caseId, bookingId: form.bookingId, reason: form.reason }),
      done: 'cancel',
    },
  },
  heading: (data, t) => ({
    title: t('notary.page.title', { number: data.case.number }),
    caseNumber: data.case.number,
  }),
  Component: NotaryCasePage,
});

/** The notary offices' appointment book (the manifest's `slots` route, in the navigation). */
export const notarySlotsScreen = districtScreen<NotarySlotsPageData, Key>({
  id: 'slots',
  page: 'slotsPage',
  intents: {
    slot: {
      procedure: 'createSlot',
      fields: {
        capacity: 'notary.slots.capacity',
        organisationId: 'notary.page.office',
        startsAt: 'notary.slots.starts_at',
        endsAt: 'notary.slots.ends_at',
      },
      input: (form) => ({
        organisationId: form.organisationId,
        startsAt: districtDateTime(form.startsAt ?? ''),
        endsAt: districtDateTime(form.endsAt ?? ''),
        // Not a count: refused as out of range, at the field.
        capacity: parseCount(form.capacity ?? '') ?? 0,
      }),
      done: 'slot',
    },
  },
  heading: (_data, t) => ({ title: t('notary.slots.title') }),
  Component: NotarySlotsPage,
});

export { adminRoutes } from '../admin-routes.ts';
export { messages } from '../messages.ts';

export const pluginId = 'notary';

/** The plugin's screens, hosted by the admin app. */
export const adminScreens = [notaryCaseScreen, notarySlotsScreen, onlineBookingScreen];
