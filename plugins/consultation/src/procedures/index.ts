export { createLog } from './create-log.ts';
export { page } from './page.ts';
export { statistics } from './statistics.ts';
