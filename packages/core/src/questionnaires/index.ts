export * from './questionnaire-answers.ts';
export * from './questionnaire-rounds.ts';
export * from './questionnaire-schemas.ts';
export * from './questionnaire-service.ts';
export * from './questionnaire-summary.ts';
