export * from './appointment-reminders.ts';
export * from './appointment-service.ts';
export * from './open-appointment-slots.ts';
