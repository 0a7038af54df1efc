import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from './openapi.ts';

const DOCUMENT_ID = 'https://linju.invalid/openapi.json';
const document = openApiDocument('https://linju.invalid');

type Responses = Record<string, { content?: Record<string, unknown> }>;
type Operation = { operationId: string; responses: Responses };

/** Every operation of the document, with the pattern of the paths it serves. */
const OPERATIONS = Object.entries(document.paths).flatMap(([template, item]) => {
  // Paths that name their own server are at the origin's root; the rest are under /api/v1.
  const prefix = 'servers' in item ? '' : '/api/v1';
  const pattern = new RegExp(`^${prefix}${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
  return Object.entries(item as Record<string, unknown>)
    .filter(([method]) => method !== 'servers')
    .map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      pattern,
      operation: operation as Operation,
    }));
});

/** The document's operation a request belongs to (`GET /federation/v1/referrals/{id}`), if any. */
export const documentedOperation = (method: string, path: string) =>
  OPERATIONS.find((o) => o.method === method && o.pattern.test(path));

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(document, DOCUMENT_ID);

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/**
 * What is wrong with an answer, by Linju's OpenAPI document: its status is one the operation
 * documents, its content type one the status documents (or no body where none is), its body valid
 * against that content's schema. None when the answer is as documented.
 */
export async function undocumentedInAnswer(
  method: string,
  url: string,
  response: Response,
): Promise<string[]> {
  const path = new URL(url).pathname;
  const found = documentedOperation(method, path);
  if (!found) return [`${method} ${path}: no operation of the document serves it`];
  const where = `${found.operation.operationId} ${response.status}`;
  const status = String(response.status);
  const documented = found.operation.responses[status];
  if (!documented) return [`${where}: status not documented`];
  const body = await response.clone().text();
  const contentType = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  if (!documented.content) return body === '' ? [] : [`${where}: a body where none is documented`];
  if (!(contentType in documented.content)) return [`${where}: content type "${contentType}" not documented`];
  const validate = ajv.getSchema(
    `${DOCUMENT_ID}#/${pointer('paths', found.template, method.toLowerCase(), 'responses', status, 'content', contentType, 'schema')}`,
  );
  if (!validate) return [`${where}: no schema for ${contentType}`];
  // A JSON media type's body is checked as JSON; any other (a page) as the text it is.
  let parsed: unknown = body;
  try {
    if (/[/+]json$/.test(contentType)) parsed = JSON.parse(body);
  } catch {
    return [`${where}: the body is not JSON`];
  }
  return validate(parsed)
    ? []
    : (validate.errors ?? []).map((e) => `${where}: body${e.instancePath} ${e.message ?? e.keyword}`);
}

/**
 * The answer, once checked against the document (for tests: wrap the requests they already send, so
 * every answer they see is checked as well as what they assert of it).
 */
export async function asDocumented(method: string, url: string, response: Response): Promise<Response> {
  const wrong = await undocumentedInAnswer(method, url, response);
  if (wrong.length > 0) throw new Error(`Not as the OpenAPI document says:\n${wrong.join('\n')}`);
  return response;
}
