import { createServer, type IncomingMessage } from 'node:http';
import { z } from 'zod';

const ZChatRequest = z.object({
  model: z.string().min(1),
  messages: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })).min(1),
});
export type ChatRequest = z.infer<typeof ZChatRequest>;
export type ChatMessage = ChatRequest['messages'][number];

export type ModelTestServerOptions = {
  /** The model's answer to the messages (a promise that never settles plays a model too slow to wait for). */
  answer: (messages: readonly ChatMessage[]) => string | Promise<string>;
  /** When set, a request without `Authorization: Bearer <apiKey>` is refused with 401. */
  apiKey?: string;
};

async function bodyOf(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

const openAiError = (status: number, message: string) => ({
  status,
  body: { error: { message, type: status === 401 ? 'authentication_error' : 'invalid_request_error' } },
});

/**
 * A real HTTP server speaking OpenAI's `POST /v1/chat/completions`, for any test of the language
 * model: it refuses a request of the wrong shape (no model, no messages, a missing key) as OpenAI
 * does, keeps every request it accepted in `requests`, and answers with `options.answer`.
 * `url` is the API's base (`http://127.0.0.1:<port>/v1`).
 */
export async function startModelTestServer(options: ModelTestServerOptions) {
  const requests: ChatRequest[] = [];
  const server = createServer(async (request, response) => {
    const reply = ({ status, body }: { status: number; body: unknown }) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      return reply(openAiError(404, `No route ${request.method} ${request.url}`));
    }
    if (options.apiKey !== undefined && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return reply(openAiError(401, 'Incorrect API key provided'));
    }
    let json: unknown;
    try {
      json = JSON.parse(await bodyOf(request));
    } catch {
      return reply(openAiError(400, 'The body is not JSON'));
    }
    const parsed = ZChatRequest.safeParse(json);
    if (!parsed.success) return reply(openAiError(400, z.prettifyError(parsed.error)));
    requests.push(parsed.data);
    try {
      const content = await options.answer(parsed.data.messages);
      reply({
        status: 200,
        body: {
          id: `chatcmpl-test-${requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: parsed.data.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        },
      });
    } catch (error) {
      reply({ status: 500, body: { error: { message: (error as Error).message, type: 'server_error' } } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
