import type { MessageProviderKind } from '@linju/vocabulary';
import { z } from 'zod';
import { ZAliyunSmsCredentials, ZAliyunSmsSettings } from './aliyun-sms.ts';
import { createMessageProvider, type ProviderConfig } from './create-message-provider.ts';
import { ZDingtalkRobotCredentials, ZWecomRobotCredentials } from './robot-webhooks.ts';
import { ZSmtpCredentials, ZSmtpSettings } from './smtp-email.ts';
import { ZTencentSmsCredentials, ZTencentSmsSettings } from './tencent-sms.ts';

/** One field of an adapter's settings or credentials, as a settings form asks for it. */
export type ProviderField = {
  name: string;
  kind: 'text' | 'number' | 'boolean';
  required: boolean;
  /** The adapter's default when left empty. */
  defaultValue?: string | number | boolean;
};

export type ProviderFields = {
  settings: ProviderField[];
  credentials: ProviderField[];
  /** SMS adapters send registered templates: the form asks for each template's id and parameters. */
  templates: boolean;
};

const NONE = z.object({});

/** Each adapter's schemas: the forms are read off them, so a new setting needs no second list. */
const SCHEMAS: Record<
  MessageProviderKind,
  { settings: z.ZodObject; credentials: z.ZodObject; templates: boolean }
> = {
  'aliyun-sms': { settings: ZAliyunSmsSettings, credentials: ZAliyunSmsCredentials, templates: true },
  'tencent-sms': { settings: ZTencentSmsSettings, credentials: ZTencentSmsCredentials, templates: true },
  smtp: { settings: ZSmtpSettings, credentials: ZSmtpCredentials, templates: false },
  'wecom-robot': { settings: NONE, credentials: ZWecomRobotCredentials, templates: false },
  'dingtalk-robot': { settings: NONE, credentials: ZDingtalkRobotCredentials, templates: false },
  log: { settings: NONE, credentials: NONE, templates: false },
};

function fieldOf(name: string, schema: z.ZodType): ProviderField {
  let inner: z.ZodType = schema;
  let required = true;
  let defaultValue: ProviderField['defaultValue'];
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) {
    required = false;
    if (inner instanceof z.ZodDefault) defaultValue = inner.def.defaultValue as ProviderField['defaultValue'];
    inner = inner.def.innerType as z.ZodType;
  }
  const kind = inner instanceof z.ZodNumber ? 'number' : inner instanceof z.ZodBoolean ? 'boolean' : 'text';
  return { name, kind, required, ...(defaultValue === undefined ? {} : { defaultValue }) };
}

const fieldsOf = (schema: z.ZodObject) =>
  Object.entries(schema.shape).map(([name, s]) => fieldOf(name, s as z.ZodType));

/** What a district's administrator fills in for an adapter. */
export function providerFields(provider: MessageProviderKind): ProviderFields {
  const s = SCHEMAS[provider];
  return { settings: fieldsOf(s.settings), credentials: fieldsOf(s.credentials), templates: s.templates };
}

/**
 * Why an adapter cannot be made from these settings and credentials, naming the field
 * (`settings.signName`, `credentials.secretKey`), or null when it can: checked before saving, so a
 * district never finds out from failed messages.
 */
export function providerConfigProblem(config: ProviderConfig): { field: string } | null {
  try {
    createMessageProvider(config);
    return null;
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    const issue = error.issues[0];
    return { field: [issueIn(config, issue), ...(issue?.path ?? []).map(String)].join('.') };
  }
}

/** Whether a schema issue is about the settings or the credentials (zod does not say which parse failed). */
function issueIn(config: ProviderConfig, issue: z.core.$ZodIssue | undefined): 'settings' | 'credentials' {
  const key = String(issue?.path[0] ?? '');
  const { credentials } = SCHEMAS[config.provider as MessageProviderKind];
  return key in credentials.shape ? 'credentials' : 'settings';
}
