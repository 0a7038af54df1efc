import { dingtalkSign } from '../robot-webhooks.ts';
import { startStandin } from './standin-server.ts';

/**
 * Stand-ins for the WeChat Work and DingTalk group robot webhooks (test-only): `/wecom?key=`
 * checks the webhook key; `/dingtalk?access_token=&timestamp=&sign=` recomputes the signature
 * and refuses a timestamp more than an hour off (DingTalk's 310000). `failNext` queues errcodes.
 */
export async function startRobotStandins(robots: {
  wecomKey: string;
  dingtalkToken: string;
  dingtalkSecret: string;
}) {
  const wecom: string[] = [];
  const dingtalk: string[] = [];
  const failNext: number[] = [];
  const server = await startStandin(({ url, body }) => {
    const answer = (errcode: number, errmsg = errcode === 0 ? 'ok' : 'stand-in refusal') => ({
      status: 200,
      body: { errcode, errmsg },
    });
    const text = (JSON.parse(body || '{}') as { text?: { content?: string } }).text?.content ?? '';
    if (url.pathname === '/wecom') {
      if (url.searchParams.get('key') !== robots.wecomKey) return answer(93000, 'invalid webhook url');
      const queued = failNext.shift();
      if (queued !== undefined) return answer(queued);
      wecom.push(text);
      return answer(0);
    }
    if (url.pathname === '/dingtalk') {
      const timestamp = Number(url.searchParams.get('timestamp'));
      if (url.searchParams.get('access_token') !== robots.dingtalkToken)
        return answer(300001, 'token is not exist');
      if (
        Math.abs(timestamp - Date.now()) > 3_600_000 ||
        url.searchParams.get('sign') !== dingtalkSign(timestamp, robots.dingtalkSecret)
      )
        return answer(310000, 'sign not match');
      const queued = failNext.shift();
      if (queued !== undefined) return answer(queued);
      dingtalk.push(text);
      return answer(0);
    }
    return { status: 404, body: {} };
  });
  return {
    ...server,
    wecom: { url: `${server.url}wecom`, texts: wecom },
    dingtalk: { url: `${server.url}dingtalk`, texts: dingtalk },
    failNext,
  };
}
