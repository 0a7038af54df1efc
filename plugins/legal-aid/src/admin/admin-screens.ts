import { legalAidScreen } from './legal-aid-screen.tsx';
import { onlineApplicationScreen } from './online-application-screen.tsx';
import { thresholdsScreen } from './thresholds-screen.tsx';

/**
 * Legal aid's screens: the application on its case, the district's hardship threshold (a setting),
 * and the resident's online application on the district's public site.
 */
export const adminScreens = [legalAidScreen, thresholdsScreen, onlineApplicationScreen];
