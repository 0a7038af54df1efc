import { assistantScreen } from './assistant-screen.tsx';
import { caseToolsScreen } from './case-tools-screen.tsx';
import { questionsScreen } from './questions-screen.tsx';

export { adminRoutes } from '../admin-routes.ts';
export { messages } from '../messages.ts';

export const pluginId = 'legal-assistant';

/** The assistant's screens: on the public site, under every case, and the bureau's page of questions. */
export const adminScreens = [assistantScreen, caseToolsScreen, questionsScreen];
