import { createServer } from 'node:http';

/** A request as the fuzzer is about to send it. */
export type RequestToSign = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
};

/** Headers to add, or `undefined` to send the request as it is (e.g. a required header is missing). */
export type Sign = (request: RequestToSign) => Record<string, string> | undefined;

export type RequestSigner = {
  /** Where the hook (`fuzz-hooks.py`) asks, on loopback. */
  url: string;
  /** Every `Signature` value handed out: a request carrying one of these was signed. */
  issued: Set<string>;
  stop: () => Promise<void>;
};

/** A loopback endpoint signing the fuzzer's requests with `sign`, so no signing code is written twice. */
export async function startRequestSigner(sign: Sign): Promise<RequestSigner> {
  const issued = new Set<string>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const asked = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<RequestToSign, 'body'> & {
      body: string;
    };
    // The hook sends the body's bytes as latin-1 characters: one character per byte.
    const added = sign({ ...asked, body: Buffer.from(asked.body, 'latin1') }) ?? {};
    if (added.Signature) issued.add(added.Signature);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(added));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    issued,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
