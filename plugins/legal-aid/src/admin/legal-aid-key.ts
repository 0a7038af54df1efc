import type { PluginMessageKey } from '@linju/plugin-sdk';
import type { messages } from '../messages.ts';

/** A key of legal aid's own messages, which its screens translate. */
export type LegalAidKey = PluginMessageKey<typeof messages>;
