import { checkupReportScreen } from './checkup-report-screen.tsx';

export { adminRoutes } from '../admin-routes.ts';
export { messages } from '../messages.ts';

export const pluginId = 'x-enterprise-checkup';

/** The check-up's screens, hosted by the admin app. */
export const adminScreens = [checkupReportScreen];
