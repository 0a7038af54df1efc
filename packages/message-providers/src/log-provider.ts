import type { MessageProvider } from './message-provider.ts';

/**
 * Records instead of sending (the embedded default of `npm start`): the outbox row itself is the
 * record, marked delivered at once, so the "sent messages" page shows the whole loop on one
 * laptop. Nothing goes to a log: a rating code is a secret.
 */
export function createLogProvider(): MessageProvider {
  return {
    kind: 'log',
    async send(message) {
      return { outcome: 'sent', providerMessageId: `log-${message.id}`, delivered: true };
    },
  };
}
