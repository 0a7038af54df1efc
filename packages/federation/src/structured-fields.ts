/**
 * The part of RFC 8941 (Structured Field Values for HTTP) that message signatures need: parsing and
 * serializing dictionaries whose members are items or inner lists with parameters. Decimals are not
 * supported: no field this package reads uses them, and a dictionary containing one is refused.
 */

/** A bare item, tagged so that strings, tokens and byte sequences survive a round trip. */
export type SfBareItem =
  | { readonly type: 'integer'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'token'; readonly value: string }
  | { readonly type: 'bytes'; readonly value: Uint8Array }
  | { readonly type: 'boolean'; readonly value: boolean };

/** Parameters in their original order (order matters when re-serializing signature parameters). */
export type SfParameters = readonly (readonly [string, SfBareItem])[];

/** An item with its parameters. */
export interface SfItem {
  readonly item: SfBareItem;
  readonly params: SfParameters;
}

/** An inner list, `("a" "b");p=1`. */
export interface SfInnerList {
  readonly items: readonly SfItem[];
  readonly params: SfParameters;
}

/** A dictionary member: an item or an inner list. */
export type SfMember = SfItem | SfInnerList;

/** A dictionary; a `Map` keeps the members in order. */
export type SfDictionary = ReadonlyMap<string, SfMember>;

/** Thrown for a field value that is not a valid structured field. */
export class StructuredFieldError extends Error {
  override readonly name = 'StructuredFieldError';
}

/** Whether a member is an inner list. */
export function isInnerList(member: SfMember): member is SfInnerList {
  return 'items' in member;
}

const KEY_START = /[a-z*]/;
const KEY_CHAR = /[a-z0-9_\-.*]/;
const TOKEN_START = /[A-Za-z*]/;
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z:/]/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

class Parser {
  private position = 0;
  private readonly input: string;

  constructor(input: string) {
    this.input = input;
  }

  get done(): boolean {
    return this.position >= this.input.length;
  }

  peek(): string | undefined {
    return this.input[this.position];
  }

  private fail(message: string): never {
    throw new StructuredFieldError(
      `${message} at position ${this.position} of ${JSON.stringify(this.input)}`,
    );
  }

  skipSpaces(): void {
    while (this.peek() === ' ') this.position++;
  }

  skipOws(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.position++;
  }

  expect(char: string): void {
    if (this.peek() !== char) this.fail(`expected "${char}"`);
    this.position++;
  }

  key(): string {
    const first = this.peek();
    if (first === undefined || !KEY_START.test(first)) this.fail('expected a key');
    const start = this.position;
    while (this.peek() !== undefined && KEY_CHAR.test(this.peek() as string)) this.position++;
    return this.input.slice(start, this.position);
  }

  parameters(): SfParameters {
    const params: [string, SfBareItem][] = [];
    while (this.peek() === ';') {
      this.position++;
      this.skipSpaces();
      const key = this.key();
      let value: SfBareItem = { type: 'boolean', value: true };
      if (this.peek() === '=') {
        this.position++;
        value = this.bareItem();
      }
      const existing = params.findIndex(([name]) => name === key);
      if (existing >= 0) params.splice(existing, 1);
      params.push([key, value]);
    }
    return params;
  }

  bareItem(): SfBareItem {
    const char = this.peek();
    if (char === undefined) return this.fail('expected an item');
    if (char === '-' || (char >= '0' && char <= '9')) return this.integer();
    if (char === '"') return this.string();
    if (char === ':') return this.bytes();
    if (char === '?') return this.boolean();
    if (TOKEN_START.test(char)) return this.token();
    return this.fail('expected an item');
  }

  private integer(): SfBareItem {
    const match = /^-?[0-9]{1,15}/.exec(this.input.slice(this.position));
    if (!match) return this.fail('expected an integer');
    this.position += match[0].length;
    if (this.peek() === '.') this.fail('decimals are not supported');
    if (this.peek() !== undefined && /[0-9]/.test(this.peek() as string)) this.fail('integer too long');
    return { type: 'integer', value: Number(match[0]) };
  }

  private string(): SfBareItem {
    this.position++;
    let value = '';
    for (;;) {
      const char = this.peek();
      if (char === undefined) return this.fail('unterminated string');
      this.position++;
      if (char === '"') return { type: 'string', value };
      if (char === '\\') {
        const escaped = this.peek();
        if (escaped !== '"' && escaped !== '\\') this.fail('invalid escape in string');
        value += escaped;
        this.position++;
      } else {
        const code = char.charCodeAt(0);
        if (code < 0x20 || code > 0x7e) this.fail('invalid character in string');
        value += char;
      }
    }
  }

  private token(): SfBareItem {
    const start = this.position;
    this.position++;
    while (this.peek() !== undefined && TOKEN_CHAR.test(this.peek() as string)) this.position++;
    return { type: 'token', value: this.input.slice(start, this.position) };
  }

  private bytes(): SfBareItem {
    this.position++;
    const end = this.input.indexOf(':', this.position);
    if (end < 0) return this.fail('unterminated byte sequence');
    const encoded = this.input.slice(this.position, end);
    if (!BASE64.test(encoded)) this.fail('invalid base64 in byte sequence');
    this.position = end + 1;
    return { type: 'bytes', value: new Uint8Array(Buffer.from(encoded, 'base64')) };
  }

  private boolean(): SfBareItem {
    this.position++;
    const char = this.peek();
    if (char !== '0' && char !== '1') return this.fail('expected ?0 or ?1');
    this.position++;
    return { type: 'boolean', value: char === '1' };
  }

  item(): SfItem {
    const item = this.bareItem();
    return { item, params: this.parameters() };
  }

  member(): SfMember {
    if (this.peek() !== '(') return this.item();
    this.position++;
    const items: SfItem[] = [];
    for (;;) {
      this.skipSpaces();
      if (this.peek() === ')') {
        this.position++;
        return { items, params: this.parameters() };
      }
      items.push(this.item());
      const next = this.peek();
      if (next !== ' ' && next !== ')') this.fail('expected a space or ")" in inner list');
    }
  }
}

/** Parses a dictionary field value (RFC 8941 §4.2.2); throws {@link StructuredFieldError} if invalid. */
export function parseDictionary(input: string): SfDictionary {
  const parser = new Parser(input);
  const dictionary = new Map<string, SfMember>();
  parser.skipSpaces();
  while (!parser.done) {
    const key = parser.key();
    let member: SfMember;
    if (parser.peek() === '=') {
      parser.expect('=');
      member = parser.member();
    } else {
      member = { item: { type: 'boolean', value: true }, params: parser.parameters() };
    }
    dictionary.delete(key);
    dictionary.set(key, member);
    parser.skipOws();
    if (parser.done) break;
    parser.expect(',');
    parser.skipOws();
    if (parser.done) throw new StructuredFieldError(`trailing comma in ${JSON.stringify(input)}`);
  }
  return dictionary;
}

function serializeKey(key: string): string {
  if (!KEY_START.test(key[0] ?? '') || ![...key].every((char) => KEY_CHAR.test(char))) {
    throw new StructuredFieldError(`invalid key ${JSON.stringify(key)}`);
  }
  return key;
}

/** Serializes a bare item (RFC 8941 §4.1.3). */
export function serializeBareItem(item: SfBareItem): string {
  switch (item.type) {
    case 'integer':
      if (!Number.isSafeInteger(item.value) || Math.abs(item.value) > 999_999_999_999_999) {
        throw new StructuredFieldError(`integer out of range: ${item.value}`);
      }
      return String(item.value);
    case 'string':
      if (!/^[\x20-\x7e]*$/.test(item.value))
        throw new StructuredFieldError('string has non-ASCII characters');
      return `"${item.value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
    case 'token':
      if (!TOKEN_START.test(item.value[0] ?? '') || ![...item.value].every((char) => TOKEN_CHAR.test(char))) {
        throw new StructuredFieldError(`invalid token ${JSON.stringify(item.value)}`);
      }
      return item.value;
    case 'bytes':
      return `:${Buffer.from(item.value).toString('base64')}:`;
    case 'boolean':
      return item.value ? '?1' : '?0';
  }
}

/** Serializes parameters (RFC 8941 §4.1.1.2); a `true` value is written as the bare key. */
export function serializeParameters(params: SfParameters): string {
  return params
    .map(([key, value]) =>
      value.type === 'boolean' && value.value
        ? `;${serializeKey(key)}`
        : `;${serializeKey(key)}=${serializeBareItem(value)}`,
    )
    .join('');
}

/** Serializes an item or an inner list with its parameters. */
export function serializeMember(member: SfMember): string {
  if (isInnerList(member)) {
    return `(${member.items.map(serializeMember).join(' ')})${serializeParameters(member.params)}`;
  }
  return `${serializeBareItem(member.item)}${serializeParameters(member.params)}`;
}

/** Serializes a dictionary (RFC 8941 §4.1.2). */
export function serializeDictionary(dictionary: SfDictionary): string {
  return [...dictionary]
    .map(([key, member]) =>
      !isInnerList(member) && member.item.type === 'boolean' && member.item.value
        ? `${serializeKey(key)}${serializeParameters(member.params)}`
        : `${serializeKey(key)}=${serializeMember(member)}`,
    )
    .join(', ');
}
