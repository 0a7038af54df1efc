import { createHash, createHmac } from 'node:crypto';

export type S3Settings = {
  /** `https://oss-cn-shanghai.aliyuncs.com`, `http://127.0.0.1:8333` (MinIO, SeaweedFS). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` (MinIO, SeaweedFS) rather than `bucket.endpoint/key` (AWS, OSS). */
  pathStyle: boolean;
};

const hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 per segment, as Signature V4 wants it (`encodeURIComponent` leaves `!'()*` alone). */
const encodeSegment = (segment: string) =>
  encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The four requests the document store needs (PUT, GET, HEAD, DELETE of an object, and PUT of a
 * bucket for setup), signed with AWS Signature Version 4 — which MinIO, SeaweedFS, Alibaba OSS
 * and AWS all accept. Small on purpose: see packages/core/README.md for why not the AWS SDK.
 */
export function createS3Client(settings: S3Settings) {
  const endpoint = new URL(settings.endpoint);
  const urlOf = (key: string | null) => {
    const path = key === null ? '' : `/${key.split('/').map(encodeSegment).join('/')}`;
    return settings.pathStyle
      ? new URL(`${endpoint.origin}/${encodeSegment(settings.bucket)}${path}`)
      : new URL(`${endpoint.protocol}//${settings.bucket}.${endpoint.host}${path || '/'}`);
  };

  function signed(method: string, url: URL, payloadHash: string, now = new Date()): Headers {
    const amzDate = now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const day = amzDate.slice(0, 8);
    const scope = `${day}/${settings.region}/s3/aws4_request`;
    const headers: Record<string, string> = {
      host: url.host,
      'x-amz-content-sha256': payloadHash,
      'x-amz-date': amzDate,
    };
    const names = Object.keys(headers).sort();
    const canonical = [
      method,
      url.pathname,
      '',
      ...names.map((n) => `${n}:${headers[n]}`),
      '',
      names.join(';'),
      payloadHash,
    ].join('\n');
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, hex(canonical)].join('\n');
    const key = ['s3', 'aws4_request'].reduce(
      (k, part) => hmac(k, part),
      hmac(hmac(`AWS4${settings.secretAccessKey}`, day), settings.region),
    );
    const signature = createHmac('sha256', key).update(toSign).digest('hex');
    const { host: _, ...sent } = headers;
    return new Headers({
      ...sent,
      authorization: `AWS4-HMAC-SHA256 Credential=${settings.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
    });
  }

  async function send(method: string, key: string | null, body?: Uint8Array): Promise<Response> {
    const url = urlOf(key);
    const payload = body ?? new Uint8Array(0);
    const response = await fetch(url, {
      method,
      headers: signed(method, url, hex(payload)),
      ...(body ? { body: Buffer.from(payload) } : {}),
    });
    return response;
  }

  const failed = async (what: string, response: Response) => {
    const text = await response.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? '';
    return new Error(`S3 ${what} answered ${response.status} ${code}`.trim());
  };

  return {
    async putObject(key: string, body: Uint8Array): Promise<void> {
      const response = await send('PUT', key, body);
      if (!response.ok) throw await failed(`PUT ${key}`, response);
      await response.body?.cancel();
    },
    /** The object's bytes, or null when there is none. */
    async getObject(key: string): Promise<Buffer | null> {
      const response = await send('GET', key);
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) throw await failed(`GET ${key}`, response);
      return Buffer.from(await response.arrayBuffer());
    },
    async hasObject(key: string): Promise<boolean> {
      const response = await send('HEAD', key);
      await response.body?.cancel();
      if (response.status === 404) return false;
      if (!response.ok) throw new Error(`S3 HEAD ${key} answered ${response.status}`);
      return true;
    },
    async deleteObject(key: string): Promise<void> {
      const response = await send('DELETE', key);
      if (!response.ok && response.status !== 404) throw await failed(`DELETE ${key}`, response);
      await response.body?.cancel();
    },
    /** Setup and tests: makes the bucket, and is content when it exists already. */
    async createBucket(): Promise<void> {
      const response = await send('PUT', null);
      if (!response.ok && response.status !== 409)
        throw await failed(`PUT bucket ${settings.bucket}`, response);
      await response.body?.cancel();
    },
  };
}

export type S3Client = ReturnType<typeof createS3Client>;
