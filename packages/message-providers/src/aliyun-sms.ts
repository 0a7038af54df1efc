import { createHmac, randomUUID } from 'node:crypto';
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

export const ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com/';

export const ZAliyunSmsSettings = z.looseObject({
  signName: z.string().min(1).max(50),
  regionId: z.string().max(40).default('cn-hangzhou'),
});
export const ZAliyunSmsCredentials = z.object({
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
});

/**
 * The RPC signature's encoding: RFC 3986 unreserved characters stay, everything else is
 * percent-encoded in UTF-8 upper-case hex (so also `!'()*`, which `encodeURIComponent` leaves).
 */
export const aliyunPercentEncode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Alibaba Cloud's RPC signature (SignatureVersion 1.0, HMAC-SHA1), as the SMS API's "signature
 * method" page lays it out: the parameters sorted by name and encoded into a canonical query,
 * `GET&%2F&` + that query encoded again, signed with the secret followed by `&`.
 */
export function aliyunRpcSignature(method: string, params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(params[k] ?? '')}`)
    .join('&');
  const stringToSign = `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

/** Codes that say "not now" rather than "never" (flow control, the platform's own trouble). */
const PASSING =
  /^(Throttling|isv\.BUSINESS_LIMIT_CONTROL|isv\.DAY_LIMIT_CONTROL|isp\.|ServiceUnavailable|InternalError)/;

/**
 * Alibaba Cloud SMS (dysmsapi 2017-05-25 `SendSms`): the template code and its JSON parameters,
 * the district's sign name, `OutId` = the outbox id (it labels the delivery receipt; the API has
 * no idempotency key). Answers `BizId` as the provider message id.
 */
export function createAliyunSms(
  settings: z.input<typeof ZAliyunSmsSettings>,
  credentials: z.input<typeof ZAliyunSmsCredentials>,
  options: { endpoint?: string; now?: () => Date } = {},
): MessageProvider {
  const s = ZAliyunSmsSettings.parse(settings);
  const c = ZAliyunSmsCredentials.parse(credentials);
  const endpoint = options.endpoint ?? ALIYUN_SMS_ENDPOINT;
  return {
    kind: 'aliyun-sms',
    async send(message: OutgoingMessage): Promise<SendResult> {
      const registered = registeredTemplate(s, message);
      if ('error' in registered) return { outcome: 'failed', error: registered.error };
      const { template, values } = registered;
      const params: Record<string, string> = {
        AccessKeyId: c.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        RegionId: s.regionId,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        Timestamp: (options.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
        PhoneNumbers: message.recipient,
        SignName: s.signName,
        TemplateCode: template.templateId,
        TemplateParam: JSON.stringify(
          Object.fromEntries(template.params.map((name, i) => [name, values[i]])),
        ),
        OutId: message.id,
      };
      params.Signature = aliyunRpcSignature('GET', params, c.accessKeySecret);
      const query = Object.entries(params)
        .map(([k, v]) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(v)}`)
        .join('&');
      let response: Response;
      try {
        response = await fetch(`${endpoint}?${query}`, { signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) });
      } catch (error) {
        return unreachable(error);
      }
      const body = (await response.json().catch(() => null)) as {
        Code?: string;
        Message?: string;
        BizId?: string;
      } | null;
      if (body?.Code === 'OK') return { outcome: 'sent', providerMessageId: body.BizId ?? null };
      const code = body?.Code ?? `HTTP ${response.status}`;
      const error = `${code}: ${body?.Message ?? response.statusText}`.slice(0, 300);
      if (body?.Code) return { outcome: PASSING.test(body.Code) ? 'retry' : 'failed', error };
      return { outcome: httpStatusOutcome(response.status), error };
    },
  };
}
