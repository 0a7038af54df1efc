export * from './agreement-document.ts';
export * from './dispute.ts';
export * from './intake-form.ts';
export * from './judicial-confirmation.ts';
export * from './mediation-record.ts';
export * from './plugin.ts';
