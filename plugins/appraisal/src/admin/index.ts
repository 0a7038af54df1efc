import { appraisalScreen } from './appraisal-screen.tsx';

export { adminRoutes } from '../admin-routes.ts';
export { messages } from '../messages.ts';

export const pluginId = 'appraisal';

/** Judicial appraisal's screens, hosted by the admin app. */
export const adminScreens = [appraisalScreen];
