import { describe, expect, it } from 'vitest';
import {
  isInnerList,
  parseDictionary,
  type SfInnerList,
  StructuredFieldError,
  serializeDictionary,
  serializeMember,
} from './structured-fields.ts';

describe('parseDictionary', () => {
  it('reads a Signature-Input with an inner list and parameters, keeping their order', () => {
    const field =
      'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"';
    const member = parseDictionary(field).get('sig-b26') as SfInnerList;
    expect(isInnerList(member)).toBe(true);
    expect(member.items.map(({ item }) => item.value)).toEqual([
      'date',
      '@method',
      '@path',
      '@authority',
      'content-type',
      'content-length',
    ]);
    expect(member.params).toEqual([
      ['created', { type: 'integer', value: 1618884473 }],
      ['keyid', { type: 'string', value: 'test-key-ed25519' }],
    ]);
    expect(serializeDictionary(parseDictionary(field))).toBe(field);
  });

  it('reads byte sequences, tokens, booleans, escaped strings and several members', () => {
    const dictionary = parseDictionary('sha-256=:AAEC:,  a=?0, b, c=tok/en:1;x, d="say \\"hi\\" \\\\"');
    expect([...dictionary.keys()]).toEqual(['sha-256', 'a', 'b', 'c', 'd']);
    expect(dictionary.get('sha-256')).toEqual({
      item: { type: 'bytes', value: new Uint8Array([0, 1, 2]) },
      params: [],
    });
    expect(dictionary.get('a')).toEqual({ item: { type: 'boolean', value: false }, params: [] });
    expect(dictionary.get('b')).toEqual({ item: { type: 'boolean', value: true }, params: [] });
    expect(dictionary.get('c')).toEqual({
      item: { type: 'token', value: 'tok/en:1' },
      params: [['x', { type: 'boolean', value: true }]],
    });
    expect(dictionary.get('d')).toEqual({ item: { type: 'string', value: 'say "hi" \\' }, params: [] });
    expect(serializeDictionary(dictionary)).toBe(
      'sha-256=:AAEC:, a=?0, b, c=tok/en:1;x, d="say \\"hi\\" \\\\"',
    );
  });

  it('lets a later duplicate key win, as RFC 8941 says', () => {
    expect(serializeDictionary(parseDictionary('a=1, b=2, a=3'))).toBe('b=2, a=3');
  });

  it.each([
    ['a trailing comma', 'a=1,'],
    ['an uppercase key', 'Sig1=1'],
    ['an unterminated string', 'a="abc'],
    ['a bad escape', 'a="\\n"'],
    ['a decimal', 'a=1.5'],
    ['an unterminated inner list', 'a=("x" "y"'],
    ['garbage after a member', 'a=1 b=2'],
    ['a bad byte sequence', 'a=:not base64!:'],
  ])('refuses %s', (_, field) => {
    expect(() => parseDictionary(field)).toThrow(StructuredFieldError);
  });
});

describe('serializeMember', () => {
  it('writes an empty inner list and true parameters bare', () => {
    expect(serializeMember({ items: [], params: [['flag', { type: 'boolean', value: true }]] })).toBe(
      '();flag',
    );
  });

  it('refuses strings it cannot represent', () => {
    expect(() => serializeMember({ item: { type: 'string', value: '调解' }, params: [] })).toThrow(
      StructuredFieldError,
    );
  });
});
