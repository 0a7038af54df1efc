import { isLocale, isMessageKey, type Locale, negotiateLocale, translate } from '@linju/i18n';
import { openApiDocument } from './openapi.ts';
import { problem } from './problem.ts';

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  operationId: string;
  summary?: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: Schema }> }>;
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** A schema in one line: its component's name (linked), or its type with what constrains it. */
function schemaLabel(schema: Schema | undefined): string {
  if (!schema) return '';
  const ref = typeof schema.$ref === 'string' ? schema.$ref.replace('#/components/schemas/', '') : null;
  if (ref) return `<a href="#schema-${escapeHtml(ref)}"><code>${escapeHtml(ref)}</code></a>`;
  for (const combined of ['oneOf', 'anyOf', 'allOf'] as const) {
    const parts = schema[combined];
    if (Array.isArray(parts))
      return parts.map((p) => schemaLabel(p as Schema)).join(combined === 'allOf' ? ' + ' : ' | ');
  }
  const facts = [
    typeof schema.type === 'string' ? schema.type : 'object',
    ...(Array.isArray(schema.enum) ? [`∈ {${schema.enum.join(', ')}}`] : []),
    ...(typeof schema.pattern === 'string' ? [`/${schema.pattern}/`] : []),
    ...(typeof schema.format === 'string' ? [`(${schema.format})`] : []),
    ...(typeof schema.minimum === 'number' ? [`≥ ${schema.minimum}`] : []),
    ...(typeof schema.maximum === 'number' ? [`≤ ${schema.maximum}`] : []),
  ];
  return `<code>${escapeHtml(facts.join(' '))}</code>`;
}

function operationSection(locale: Locale, method: string, url: string, op: Operation): string {
  const titleKey = `apiDocs.op.${op.operationId}`;
  const title = isMessageKey(titleKey) ? translate(locale, titleKey) : (op.summary ?? op.operationId);
  const access = op.security?.length === 0 ? 'apiDocs.public' : 'apiDocs.signed';
  const parameters = (op.parameters ?? [])
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}${p.required ? ` · ${escapeHtml(translate(locale, 'apiDocs.required'))}` : ''}</td><td>${schemaLabel(p.schema)}</td><td>${escapeHtml(p.description ?? '')}</td></tr>`,
    )
    .join('');
  const body = op.requestBody
    ? `<h4>${escapeHtml(translate(locale, 'apiDocs.request_body'))}</h4><ul>${Object.entries(
        op.requestBody.content,
      )
        .map(([type, c]) => `<li><code>${escapeHtml(type)}</code> ${schemaLabel(c.schema)}</li>`)
        .join('')}</ul>`
    : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const content = Object.entries(r.content ?? {})
        .map(([type, c]) => ` <code>${escapeHtml(type)}</code> ${schemaLabel(c.schema)}`)
        .join(';');
      return `<tr><td><code>${escapeHtml(status)}</code></td><td>${escapeHtml(r.description)}</td><td>${content}</td></tr>`;
    })
    .join('');
  return `<section class="operation" id="${escapeHtml(op.operationId)}">
<h3><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(url)}</code></h3>
<p><strong>${escapeHtml(title)}</strong>${locale === 'en' && op.summary && op.summary !== title ? ` — ${escapeHtml(op.summary)}` : ''}</p>
<p class="access">${escapeHtml(translate(locale, access))}</p>
${parameters ? `<h4>${escapeHtml(translate(locale, 'apiDocs.parameters'))}</h4><table>${parameters}</table>` : ''}
${body}
<h4>${escapeHtml(translate(locale, 'apiDocs.responses'))}</h4><table>${responses}</table>
</section>`;
}

/**
 * `GET /api/v1/docs`: the OpenAPI document as a page for partners' people, in Chinese or English
 * (`?lang=`, else Accept-Language, else zh-CN), written here from the document itself, so it cannot
 * say other than the API does. Plain HTML and a stylesheet in the page: nothing is fetched, no script runs.
 */
export function apiDocsResponse(request: Request, publicUrl: string): Response {
  const url = new URL(request.url);
  const lang = url.searchParams.get('lang');
  if (lang !== null && !isLocale(lang)) return problem(400, 'Bad request', 'lang: zh-CN or en');
  const locale =
    lang ?? negotiateLocale(request.headers.get('accept-language'), request.headers.get('cookie'));
  const document = openApiDocument(publicUrl);
  const apiBase = document.servers[0]?.url ?? publicUrl;
  const operations = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, item]) => {
      const base = Array.isArray(item.servers) ? publicUrl : apiBase;
      return METHODS.filter((m) => m in item).map((m) => ({
        method: m,
        url: `${base}${path}`,
        op: item[m] as Operation,
      }));
    },
  );
  const schemas = Object.entries(document.components.schemas as Record<string, Schema>)
    .map(
      ([name, schema]) =>
        `<section id="schema-${escapeHtml(name)}"><h3><code>${escapeHtml(name)}</code></h3><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></section>`,
    )
    .join('\n');
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  const openApiUrl = `${apiBase}/openapi.json`;
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(translate(locale, 'apiDocs.title'))}</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:72rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1f2328}
table{border-collapse:collapse;width:100%}td{border-top:1px solid #d8dde3;padding:.25rem .5rem;vertical-align:top}
.operation{border-top:2px solid #b4232a;margin-top:1.5rem}.method{background:#1f2328;color:#fff;padding:0 .4rem;border-radius:3px}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:.85rem}.access{color:#57606a}
</style></head>
<body><main>
<p><a href="?lang=${other}" hreflang="${other}">${escapeHtml(translate(locale, 'apiDocs.other_language'))}</a></p>
<h1>${escapeHtml(translate(locale, 'apiDocs.title'))} <small>${escapeHtml(document.info.version)}</small></h1>
<p>${escapeHtml(translate(locale, 'apiDocs.intro', { url: openApiUrl }))}</p>
<p>${escapeHtml(translate(locale, 'apiDocs.hsds'))}</p>
<h2>${escapeHtml(translate(locale, 'apiDocs.operations'))}</h2>
<ul>${operations.map(({ method, url: at, op }) => `<li><a href="#${escapeHtml(op.operationId)}">${method.toUpperCase()} ${escapeHtml(at)}</a></li>`).join('')}</ul>
${operations.map(({ method, url: at, op }) => operationSection(locale, method, at, op)).join('\n')}
<h2>${escapeHtml(translate(locale, 'apiDocs.schemas'))}</h2>
${schemas}
</main></body></html>
`;
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-language': locale,
      vary: 'accept-language, cookie',
      'cache-control': 'public, max-age=300',
    },
  });
}
