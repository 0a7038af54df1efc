export { issueReport } from './issue-report.ts';
export { page } from './page.ts';
