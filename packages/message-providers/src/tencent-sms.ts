import { createHash, createHmac } from 'node:crypto';
import { z } from 'zod';
import {
  httpStatusOutcome,
  type MessageProvider,
  type OutgoingMessage,
  PROVIDER_TIMEOUT_MS,
  type SendResult,
  unreachable,
} from './message-provider.ts';
import { registeredTemplate } from './sms-template.ts';

export const TENCENT_SMS_ENDPOINT = 'https://sms.tencentcloudapi.com/';

export const ZTencentSmsSettings = z.looseObject({
  smsSdkAppId: z.string().min(1).max(40),
  signName: z.string().min(1).max(50),
  region: z.string().max(40).default('ap-guangzhou'),
});
export const ZTencentSmsCredentials = z.object({
  secretId: z.string().min(1),
  secretKey: z.string().min(1),
});

const sha256Hex = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/**
 * Tencent Cloud API 3.0's `TC3-HMAC-SHA256` signature over a JSON POST to `/`: the canonical
 * request (method, path, empty query, the `content-type` and `host` headers, the payload's
 * SHA-256), the string to sign with the UTC date's credential scope `<date>/<service>/tc3_request`,
 * and the key derived from `TC3<secret>` through the date, the service and `tc3_request`.
 */
export function tc3Signature(input: {
  secretKey: string;
  service: string;
  host: string;
  contentType: string;
  payload: string;
  timestamp: number;
}): { signature: string; scope: string; signedHeaders: string } {
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonicalRequest = [
    'POST',
    '/',
    '',
    `content-type:${input.contentType}\nhost:${input.host}\n`,
    signedHeaders,
    sha256Hex(input.payload),
  ].join('\n');
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, sha256Hex(canonicalRequest)].join(
    '\n',
  );
  const signing = hmac(hmac(hmac(`TC3${input.secretKey}`, date), input.service), 'tc3_request');
  return {
    signature: createHmac('sha256', signing).update(stringToSign).digest('hex'),
    scope,
    signedHeaders,
  };
}

/** "Not now" codes: request rate, the platform's own failure, a frequency limit that lifts. */
const PASSING =
  /^(RequestLimitExceeded|InternalError|LimitExceeded\.(PhoneNumberThirtySecondLimit|PhoneNumberOneHourLimit|DeliveryFrequencyLimit)|FailedOperation\.FailResolvePacket)/;

/**
 * Tencent Cloud SMS (`SendSms`, version 2021-01-11): the template id and its positional
 * parameters, `SessionContext` = the outbox id (echoed in receipts; the API has no idempotency
 * key). Answers the `SerialNo` as the provider message id. A number's own failure is in its
 * `SendStatusSet` entry, a request's in `Response.Error`.
 */
export function createTencentSms(
  settings: z.input<typeof ZTencentSmsSettings>,
  credentials: z.input<typeof ZTencentSmsCredentials>,
  options: { endpoint?: string; now?: () => Date } = {},
): MessageProvider {
  const s = ZTencentSmsSettings.parse(settings);
  const c = ZTencentSmsCredentials.parse(credentials);
  const endpoint = new URL(options.endpoint ?? TENCENT_SMS_ENDPOINT);
  return {
    kind: 'tencent-sms',
    async send(message: OutgoingMessage): Promise<SendResult> {
      const registered = registeredTemplate(s, message);
      if ('error' in registered) return { outcome: 'failed', error: registered.error };
      const payload = JSON.stringify({
        PhoneNumberSet: [message.recipient.startsWith('+') ? message.recipient : `+86${message.recipient}`],
        SmsSdkAppId: s.smsSdkAppId,
        SignName: s.signName,
        TemplateId: registered.template.templateId,
        TemplateParamSet: registered.values,
        SessionContext: message.id,
      });
      const contentType = 'application/json; charset=utf-8';
      const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
      const signed = tc3Signature({
        secretKey: c.secretKey,
        service: 'sms',
        host: endpoint.host,
        contentType,
        payload,
        timestamp,
      });
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: {
            'content-type': contentType,
            'x-tc-action': 'SendSms',
            'x-tc-version': '2021-01-11',
            'x-tc-region': s.region,
            'x-tc-timestamp': String(timestamp),
            authorization: `TC3-HMAC-SHA256 Credential=${c.secretId}/${signed.scope}, SignedHeaders=${signed.signedHeaders}, Signature=${signed.signature}`,
          },
          body: payload,
          signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
        });
      } catch (error) {
        return unreachable(error);
      }
      const body = (await response.json().catch(() => null)) as {
        Response?: {
          Error?: { Code: string; Message: string };
          SendStatusSet?: { SerialNo: string; Code: string; Message: string }[];
        };
      } | null;
      const failure = body?.Response?.Error ?? body?.Response?.SendStatusSet?.find((x) => x.Code !== 'Ok');
      if (failure) {
        const error = `${failure.Code}: ${failure.Message}`.slice(0, 300);
        return { outcome: PASSING.test(failure.Code) ? 'retry' : 'failed', error };
      }
      const status = body?.Response?.SendStatusSet?.[0];
      if (status) return { outcome: 'sent', providerMessageId: status.SerialNo };
      return { outcome: httpStatusOutcome(response.status), error: `HTTP ${response.status}` };
    },
  };
}
