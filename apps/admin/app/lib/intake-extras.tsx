import { pluginAdmins } from '@linju/plugins/admin';

/** The fields a service's plugin adds to the intake form, with its messages, if it adds any. */
export function intakeExtrasOf(serviceType: string | undefined) {
  const admin = pluginAdmins.find((p) => p.pluginId === serviceType);
  return admin?.intakeExtras ? { extras: admin.intakeExtras, messages: admin.messages } : undefined;
}
