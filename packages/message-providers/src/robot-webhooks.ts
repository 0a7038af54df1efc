import { createHmac } from 'node:crypto';
import { z } from 'zod';
import {
  httpStatusOutcome,
  type MessageProvider,
  type OutgoingMessage,
  PROVIDER_TIMEOUT_MS,
  type SendResult,
  unreachable,
} from './message-provider.ts';

export const WECOM_ROBOT_ENDPOINT = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send';
export const DINGTALK_ROBOT_ENDPOINT = 'https://oapi.dingtalk.com/robot/send';

export const ZWecomRobotCredentials = z.object({ key: z.string().min(1) });
export const ZDingtalkRobotCredentials = z.object({
  accessToken: z.string().min(1),
  secret: z.string().min(1),
});

/**
 * DingTalk's robot signature ("加签"): HMAC-SHA256 of `<timestamp ms>\n<secret>` keyed with the
 * secret, base64; sent URL-encoded with the timestamp, which must be within an hour of its clock.
 */
export const dingtalkSign = (timestampMs: number, secret: string) =>
  createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');

/** Both robots answer `{ errcode, errmsg }`; these codes are rate limits that lift. */
const PASSING_ERRCODES = new Set([45009, 130101, 45033, -1]);

async function postRobot(url: string, text: string): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msgtype: 'text', text: { content: text } }),
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
  } catch (error) {
    return unreachable(error);
  }
  const body = (await response.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
  if (body?.errcode === 0) return { outcome: 'sent', providerMessageId: null };
  if (typeof body?.errcode === 'number') {
    const error = `${body.errcode}: ${body.errmsg ?? ''}`.slice(0, 300);
    return { outcome: PASSING_ERRCODES.has(body.errcode) ? 'retry' : 'failed', error };
  }
  return { outcome: httpStatusOutcome(response.status), error: `HTTP ${response.status}` };
}

/** A WeChat Work (企业微信) group robot: its webhook key is the credential, the text the template's. */
export function createWecomRobot(
  credentials: z.input<typeof ZWecomRobotCredentials>,
  options: { endpoint?: string } = {},
): MessageProvider {
  const c = ZWecomRobotCredentials.parse(credentials);
  const url = new URL(options.endpoint ?? WECOM_ROBOT_ENDPOINT);
  url.searchParams.set('key', c.key);
  return { kind: 'wecom-robot', send: (message: OutgoingMessage) => postRobot(url.toString(), message.text) };
}

/** A DingTalk (钉钉) group robot with signing on: access token plus a timestamped signature per send. */
export function createDingtalkRobot(
  credentials: z.input<typeof ZDingtalkRobotCredentials>,
  options: { endpoint?: string; now?: () => Date } = {},
): MessageProvider {
  const c = ZDingtalkRobotCredentials.parse(credentials);
  return {
    kind: 'dingtalk-robot',
    send(message: OutgoingMessage) {
      const timestamp = (options.now?.() ?? new Date()).getTime();
      const url = new URL(options.endpoint ?? DINGTALK_ROBOT_ENDPOINT);
      url.searchParams.set('access_token', c.accessToken);
      url.searchParams.set('timestamp', String(timestamp));
      url.searchParams.set('sign', dingtalkSign(timestamp, c.secret));
      return postRobot(url.toString(), message.text);
    },
  };
}
