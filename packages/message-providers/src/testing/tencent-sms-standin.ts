import { randomUUID } from 'node:crypto';
import { tc3Signature } from '../tencent-sms.ts';
import { startStandin } from './standin-server.ts';

export type TencentSent = { phone: string; templateId: string; params: string[]; sessionContext: string };

/**
 * A stand-in for Tencent Cloud SMS `SendSms` 2021-01-11 (test-only): recomputes the
 * TC3-HMAC-SHA256 signature from the headers and body it received, refuses an unknown template
 * (`FailedOperation.TemplateIncorrectOrUnapproved`, per number) and answers the request-level
 * error codes queued in `failNext` before sending.
 */
export async function startTencentSmsStandin(account: {
  secretId: string;
  secretKey: string;
  templates: readonly string[];
}) {
  const sent: TencentSent[] = [];
  const failNext: string[] = [];
  const server = await startStandin(({ headers, body }) => {
    const error = (Code: string) => ({
      status: 200,
      body: { Response: { Error: { Code, Message: `stand-in: ${Code}` }, RequestId: randomUUID() } },
    });
    const auth =
      /^TC3-HMAC-SHA256 Credential=([^/]+)\/([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]+)$/.exec(
        String(headers.authorization ?? ''),
      );
    if (!auth || auth[1] !== account.secretId) return error('AuthFailure.SecretIdNotFound');
    const timestamp = Number(headers['x-tc-timestamp']);
    if (Math.abs(timestamp * 1000 - Date.now()) > 5 * 60_000) return error('AuthFailure.SignatureExpire');
    const expected = tc3Signature({
      secretKey: account.secretKey,
      service: 'sms',
      host: String(headers.host),
      contentType: String(headers['content-type']),
      payload: body,
      timestamp,
    });
    if (auth[4] !== expected.signature || auth[2] !== expected.scope || auth[3] !== expected.signedHeaders)
      return error('AuthFailure.SignatureFailure');
    if (headers['x-tc-action'] !== 'SendSms' || headers['x-tc-version'] !== '2021-01-11')
      return error('InvalidAction');
    const queued = failNext.shift();
    if (queued) return error(queued);
    const request = JSON.parse(body) as {
      PhoneNumberSet: string[];
      TemplateId: string;
      TemplateParamSet: string[];
      SessionContext: string;
    };
    const phone = request.PhoneNumberSet[0] ?? '';
    const status = account.templates.includes(request.TemplateId)
      ? { Code: 'Ok', Message: 'send success', SerialNo: `serial-${sent.length + 1}` }
      : { Code: 'FailedOperation.TemplateIncorrectOrUnapproved', Message: 'stand-in', SerialNo: '' };
    if (status.Code === 'Ok')
      sent.push({
        phone,
        templateId: request.TemplateId,
        params: request.TemplateParamSet,
        sessionContext: request.SessionContext,
      });
    return {
      status: 200,
      body: {
        Response: {
          SendStatusSet: [
            { ...status, PhoneNumber: phone, Fee: 1, SessionContext: request.SessionContext, IsoCode: 'CN' },
          ],
          RequestId: randomUUID(),
        },
      },
    };
  });
  return { ...server, sent, failNext };
}
