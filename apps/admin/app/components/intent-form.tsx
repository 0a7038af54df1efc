// The one form of a page with several lives in @linju/ui, where plugin screens reach it too.
export { type IntentFailure, IntentForm } from '@linju/ui';
