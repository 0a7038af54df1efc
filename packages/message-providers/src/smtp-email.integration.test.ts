import { ensureMailpit, type Mailpit, startMailpit } from '@linju/infra-mailpit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from './message-provider.ts';
import { createSmtpEmail } from './smtp-email.ts';

let mailpit: Mailpit;
beforeAll(async () => {
  mailpit = await startMailpit({ mailpit: ensureMailpit(console.log) });
});
afterAll(() => mailpit?.stop());

const escalation: OutgoingMessage = {
  id: '0b6f4e4a-1d1c-4c6e-9a55-6d0f2a5b1e03',
  channel: 'email',
  templateKey: 'escalation-to-station-head',
  recipient: 'station-head@xuhui.example.gov.cn',
  params: { number: 'XH-2026-000123', level: '超期' },
  text: '案件 XH-2026-000123 已超期，请站点负责人督办。',
  subject: '案件督办提醒',
};

describe('e-mail over SMTP, against a real Mailpit', () => {
  it('delivers the Chinese subject and text to the recipient, with the outbox id in the Message-ID', async () => {
    const smtp = createSmtpEmail(
      {
        host: '127.0.0.1',
        port: mailpit.smtpPort,
        secure: false,
        from: '徐汇区司法局 <noreply@xuhui.example.gov.cn>',
      },
      { user: 'linju', password: 'any' },
    );
    const result = await smtp.send(escalation);
    expect(result).toEqual({ outcome: 'sent', providerMessageId: `<${escalation.id}@linju>` });
    const list = (await (await fetch(`${mailpit.apiUrl}/api/v1/messages`)).json()) as {
      messages: { ID: string; MessageID: string; Subject: string; To: { Address: string }[] }[];
    };
    const arrived = list.messages.find((m) => m.MessageID === `${escalation.id}@linju`);
    expect(arrived).toMatchObject({ Subject: '案件督办提醒', To: [{ Address: escalation.recipient }] });
    const message = (await (await fetch(`${mailpit.apiUrl}/api/v1/message/${arrived?.ID}`)).json()) as {
      Text: string;
    };
    expect(message.Text.trim()).toBe(escalation.text);
  });

  it('retries when the server cannot be reached', async () => {
    const away = createSmtpEmail(
      { host: '127.0.0.1', port: 1, secure: false, from: 'noreply@example.gov.cn' },
      {},
    );
    expect(await away.send(escalation)).toMatchObject({ outcome: 'retry' });
  });
});
