export { getEvents } from './get-events.ts';
export { page } from './page.ts';
export { recordEvent } from './record-event.ts';
export { report } from './report.ts';
export { updateEvent } from './update-event.ts';
