export { adminRoutes } from '../admin-routes.ts';
export { messages } from '../messages.ts';
export { adminScreens } from './admin-screens.ts';
export { hardshipIntake as intakeExtras } from './hardship-intake.ts';

export const pluginId = 'legal-aid';
