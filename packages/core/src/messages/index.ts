export * from './alert-staff-groups.ts';
export * from './enqueue-message.ts';
export * from './message-channel-forms.ts';
export * from './message-delivery.ts';
export * from './message-providers.ts';
export * from './message-queries.ts';
