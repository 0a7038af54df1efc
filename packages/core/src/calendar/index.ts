export * from './national-calendar.ts';
export * from './working-days.ts';
