export { answer } from './answer.ts';
export { ask } from './ask.ts';
export { askOnCase } from './ask-on-case.ts';
export { caseTools } from './case-tools.ts';
export { questions } from './questions.ts';
