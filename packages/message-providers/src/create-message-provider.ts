import type { MessageProviderKind } from '@linju/vocabulary';
import { createAliyunSms, ZAliyunSmsCredentials, ZAliyunSmsSettings } from './aliyun-sms.ts';
import { createLogProvider } from './log-provider.ts';
import type { MessageProvider } from './message-provider.ts';
import {
  createDingtalkRobot,
  createWecomRobot,
  ZDingtalkRobotCredentials,
  ZWecomRobotCredentials,
} from './robot-webhooks.ts';
import { createSmtpEmail, ZSmtpCredentials, ZSmtpSettings } from './smtp-email.ts';
import { createTencentSms, ZTencentSmsCredentials, ZTencentSmsSettings } from './tencent-sms.ts';

export type ProviderConfig = {
  provider: string;
  settings: Record<string, unknown>;
  credentials: Record<string, string>;
};

/**
 * Where the HTTP adapters send, by adapter: the providers' real endpoints unless a test points one
 * at its stand-in. Never a district's setting: a district choosing the address its credentials
 * and residents' numbers go to would be a way out of the network for anyone holding its settings.
 */
export type ProviderEndpoints = Partial<Record<MessageProviderKind, string>>;

/** The adapter a district configured; its settings and credentials are checked here (a mistake throws, naming the field). */
export function createMessageProvider(
  config: ProviderConfig,
  endpoints: ProviderEndpoints = {},
): MessageProvider {
  const at = (kind: MessageProviderKind) => (endpoints[kind] ? { endpoint: endpoints[kind] } : {});
  const { settings, credentials } = config;
  switch (config.provider) {
    case 'aliyun-sms':
      return createAliyunSms(
        ZAliyunSmsSettings.parse(settings),
        ZAliyunSmsCredentials.parse(credentials),
        at('aliyun-sms'),
      );
    case 'tencent-sms':
      return createTencentSms(
        ZTencentSmsSettings.parse(settings),
        ZTencentSmsCredentials.parse(credentials),
        at('tencent-sms'),
      );
    case 'smtp':
      return createSmtpEmail(ZSmtpSettings.parse(settings), ZSmtpCredentials.parse(credentials));
    case 'wecom-robot':
      return createWecomRobot(ZWecomRobotCredentials.parse(credentials), at('wecom-robot'));
    case 'dingtalk-robot':
      return createDingtalkRobot(ZDingtalkRobotCredentials.parse(credentials), at('dingtalk-robot'));
    case 'log':
      return createLogProvider();
    default:
      throw new Error(`createMessageProvider: no adapter named '${config.provider}'`);
  }
}
