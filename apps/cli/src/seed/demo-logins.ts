/** Every demo account shares this password, printed by `linju start`; never used outside the demo. */
export const DEMO_PASSWORD = 'Linju@demo2026';
export const DEMO_TENANT = 'xuhui';
