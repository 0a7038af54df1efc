import type { publicBookingZhCN } from './booking.zh-cn.ts';

/** The residents' site (en): booking appointment slots (notary, duty lawyer, mediator). */
export const publicBookingEn: Record<keyof typeof publicBookingZhCN, string> = {
  'publicBooking.title': 'Book',
  'publicBooking.intro':
    'Book a time with the duty lawyer or a mediator, and come at that time without queuing.',
  'publicBooking.open_screen': 'Book it',
  'publicBooking.choose': 'Choose the service and place',
  'publicBooking.what': 'What for',
  'publicBooking.where': 'Where',
  'publicBooking.when': 'When',
  'publicBooking.any_service': 'All services',
  'publicBooking.any_point': 'All service points',
  'publicBooking.show_slots': 'Show open times',
  'publicBooking.no_slots': 'No open times in the next 14 days.',
  'publicBooking.slot': '{day} {startsAt}–{endsAt}, {person}',
  'publicBooking.places_left': '{count} places left',
  'publicBooking.full_label': 'Full',
  'publicBooking.book': 'Book this time',
  'publicBooking.verify_first': 'Please verify your phone number before booking.',
  'publicBooking.verify': 'Verify phone number',
  'publicBooking.booked':
    'Booked. A confirmation SMS has been sent to your verified phone. Please come on time.',
  'publicBooking.cancelled': 'The appointment is cancelled and its place is free again.',
  'publicBooking.mine': 'My appointments',
  'publicBooking.mine_none': 'No appointments.',
  'publicBooking.cancel': 'Cancel appointment',
  'publicBooking.status_cancelled': 'Cancelled',
  'publicBooking.notary_link': 'Notary appointments (choose the matter and a time)',
  'publicBooking.slot_not_found': 'There is no such time to book; please choose again.',
  'publicBooking.day_not_open':
    'That time cannot be booked on that day; choose an open time in the next 14 days.',
  'publicBooking.full': 'That time is fully booked; please choose another.',
  'publicBooking.already_booked': 'You have already booked this time.',
  'publicBooking.not_found': 'No such appointment.',
  'publicBooking.already_cancelled': 'This appointment is already cancelled.',
};
