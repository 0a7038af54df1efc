import { FEE_KINDS, type FeeParam, POSITIVE_YUAN, YUAN } from './litigation-fee-params.ts';

const problemAnswer = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function paramSchema(param: FeeParam) {
  switch (param.takes) {
    case 'amount':
      return {
        type: 'string',
        pattern: (param.positive ? POSITIVE_YUAN : YUAN).source,
        description: 'Yuan, at most two decimals',
      };
    case 'flag':
      return { type: 'boolean', description: 'Simplified procedure: half the acceptance fee (第十六条)' };
    case 'choice':
      return { type: 'string', enum: param.choices };
  }
}

/** The fee calculator's REST operation and schema, for the partner API's OpenAPI document. */
export function litigationFeeOpenApi() {
  return {
    paths: {
      '/tools/litigation-fee': {
        get: {
          operationId: 'getLitigationFee',
          security: [],
          summary: 'The court fee of a case or an application per 《诉讼费用交纳办法》, with its basis',
          parameters: [
            {
              name: 'query',
              in: 'query',
              required: true,
              style: 'form',
              explode: true,
              description:
                'kind, and the amounts that kind takes: amount (the claim, the enforcement, the property preserved, the bankrupt’s property), property (a divorce’s property to divide), damages (personality rights); matter for administrative cases; simplified=true for simplified procedure',
              schema: {
                type: 'object',
                oneOf: FEE_KINDS.map(({ kind, params }) => ({
                  type: 'object',
                  title: kind,
                  required: ['kind', ...params.filter((p) => p.required).map((p) => p.name)],
                  properties: {
                    kind: { type: 'string', const: kind },
                    ...Object.fromEntries(params.map((p) => [p.name, paramSchema(p)])),
                  },
                })),
              },
            },
          ],
          responses: {
            '200': {
              description: 'The fee in yuan, to the fen',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/LitigationFee' } } },
            },
            '400': problemAnswer('No kind or an unknown one, or a parameter missing or not as described'),
          },
        },
      },
    },
    schemas: {
      LitigationFee: {
        type: 'object',
        required: ['fee', 'basis', 'basisEn'],
        properties: {
          fee: { type: 'number', description: 'Yuan; where the 办法 gives a range, its upper end' },
          feeRange: {
            type: 'object',
            required: ['min', 'max'],
            description: 'Where the 办法 gives a range: the province fixes the fee within it',
            properties: { min: { type: 'number' }, max: { type: 'number' } },
          },
          basis: { type: 'string', description: '《诉讼费用交纳办法》第十三条第（一）项' },
          basisEn: { type: 'string', description: 'Measures on the Payment of Litigation Costs, Art. 13(1)' },
        },
      },
    },
  } as const;
}
