import { randomUUID } from 'node:crypto';
import { aliyunRpcSignature } from '../aliyun-sms.ts';
import { startStandin } from './standin-server.ts';

export type AliyunSent = {
  phone: string;
  signName: string;
  templateCode: string;
  params: Record<string, string>;
  outId: string;
};

/**
 * A stand-in for Alibaba Cloud's dysmsapi `SendSms` (test-only): checks the access key and
 * recomputes the RPC signature from the query it received, refuses a template it was not told
 * of (`isv.SMS_TEMPLATE_ILLEGAL`), and answers the codes queued in `failNext` before sending.
 */
export async function startAliyunSmsStandin(account: {
  accessKeyId: string;
  accessKeySecret: string;
  templates: readonly string[];
}) {
  const sent: AliyunSent[] = [];
  const failNext: string[] = [];
  const server = await startStandin(({ method, url }) => {
    const params = Object.fromEntries(url.searchParams);
    const answer = (status: number, Code: string, extra: object = {}) => ({
      status,
      body: { RequestId: randomUUID(), Code, Message: Code === 'OK' ? 'OK' : `stand-in: ${Code}`, ...extra },
    });
    if (params.AccessKeyId !== account.accessKeyId) return answer(404, 'InvalidAccessKeyId.NotFound');
    if (params.Signature !== aliyunRpcSignature(method, params, account.accessKeySecret))
      return answer(400, 'SignatureDoesNotMatch');
    if (params.Action !== 'SendSms' || params.Version !== '2017-05-25')
      return answer(400, 'InvalidAction.NotFound');
    if (Math.abs(Date.parse(params.Timestamp ?? '') - Date.now()) > 15 * 60_000)
      return answer(400, 'InvalidTimeStamp.Expired');
    const queued = failNext.shift();
    if (queued) return answer(200, queued);
    if (!account.templates.includes(params.TemplateCode ?? ''))
      return answer(200, 'isv.SMS_TEMPLATE_ILLEGAL');
    sent.push({
      phone: params.PhoneNumbers ?? '',
      signName: params.SignName ?? '',
      templateCode: params.TemplateCode ?? '',
      params: JSON.parse(params.TemplateParam ?? '{}'),
      outId: params.OutId ?? '',
    });
    return answer(200, 'OK', { BizId: `${sent.length}^0` });
  });
  return { ...server, sent, failNext };
}
