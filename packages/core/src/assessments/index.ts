export * from './assessment-import.ts';
export * from './assessment-period.ts';
export * from './assessment-template.ts';
