const problemAnswer = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const STATUS = {
  type: 'string',
  enum: ['current', 'amended', 'repealed', 'superseded'],
  description:
    'current: in force; amended: in force, the law has amendments; repealed; superseded: an earlier version of the law',
} as const;

/** The statute library's REST operations and schemas, for the partner API's OpenAPI document. */
export function statutesOpenApi() {
  return {
    paths: {
      '/statutes/search': {
        get: {
          operationId: 'searchStatutes',
          security: [],
          summary: 'The articles of national law answering a question in plain Chinese, those in force first',
          parameters: [
            {
              name: 'q',
              in: 'query',
              required: true,
              description: 'The question, e.g. 朋友借钱不还怎么办',
              schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
            },
            {
              name: 'limit',
              in: 'query',
              required: false,
              description: 'How many articles (5 without it)',
              schema: { type: 'integer', minimum: 1, maximum: 20, default: 5 },
            },
          ],
          responses: {
            '200': {
              description:
                'The best articles, best first (none when no word of the question is in the library)',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/StatuteSearch' } } },
            },
            '400': problemAnswer(
              'No question (or only spaces), a question too long, or a limit out of range',
            ),
          },
        },
      },
      '/statutes/{law}/{article}': {
        get: {
          operationId: 'getStatuteArticle',
          security: [],
          summary:
            'One article, the law by its full or short name (民法典), the number as 1254 or 第一千二百五十四条',
          parameters: [
            {
              name: 'law',
              in: 'path',
              required: true,
              description:
                '中华人民共和国民法典 or 民法典; also 诉讼费用交纳办法, the regulation the court fee rests on (its articles 8, 13, 14 and 16)',
              schema: { type: 'string', minLength: 1 },
            },
            {
              name: 'article',
              in: 'path',
              required: true,
              description: '1254 or 第一千二百五十四条',
              schema: { type: 'string', minLength: 1 },
            },
          ],
          responses: {
            '200': {
              description: 'The article (of two versions of a law, the one in force)',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/StatuteArticle' } } },
            },
            '400': problemAnswer('The path is not percent-encoded UTF-8, or the law holds NUL'),
            '404': problemAnswer('No such law, or no such article in it (or no article number as written)'),
          },
        },
      },
    },
    schemas: {
      StatuteSearch: {
        type: 'object',
        required: ['results'],
        properties: {
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['law', 'article', 'text', 'status'],
              properties: {
                law: { type: 'string', description: 'The law’s full name' },
                article: {
                  type: ['integer', 'null'],
                  description: 'The article’s number; null for a decision kept as one text',
                },
                text: { type: 'string' },
                status: STATUS,
              },
            },
          },
        },
      },
      StatuteArticle: {
        type: 'object',
        required: ['law', 'article', 'label', 'text', 'status', 'lawStatus'],
        properties: {
          law: { type: 'string', description: 'The law’s full name' },
          article: { type: 'integer' },
          label: { type: 'string', description: 'As the law writes it: 第一千二百五十四条' },
          text: { type: 'string' },
          status: STATUS,
          lawStatus: STATUS,
        },
      },
    },
  } as const;
}
