import { describe, expect, it } from 'vitest';
import { stackNodeId } from './node-id.ts';

describe("the node id the seed writes for 'this node'", () => {
  it('is derived as the server and the worker derive it: configured id, else public URL, else port', () => {
    expect(stackNodeId({})).toBe('localhost-3000');
    expect(stackNodeId({ PORT: '3419' })).toBe('localhost-3419');
    expect(stackNodeId({ PORT: '3419', LINJU_PUBLIC_URL: 'https://linju.example.gov.cn' })).toBe(
      'linju.example.gov.cn',
    );
    expect(stackNodeId({ PORT: '3419', LINJU_NODE_ID: 'xuhui-node', LINJU_PUBLIC_URL: 'https://x.cn' })).toBe(
      'xuhui-node',
    );
    expect(stackNodeId({ LINJU_NODE_ID: '  ', PORT: '3100' })).toBe('localhost-3100');
  });
});
