import { legalAidScreen } from './legal-aid-screen.tsx';
import { thresholdsScreen } from './thresholds-screen.tsx';

/** Legal aid's screens: the application on its case, and the district's hardship threshold (a setting). */
export const adminScreens = [legalAidScreen, thresholdsScreen];
