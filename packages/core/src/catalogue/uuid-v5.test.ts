import { describe, expect, it } from 'vitest';
import { uuidV5 } from './uuid-v5.ts';

// RFC 9562 Appendix A.4: "www.example.com" in the DNS namespace.
const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('gives the RFC 9562 test vector', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives other ids for other names or namespaces', () => {
    expect(uuidV5('www.example.org', DNS_NAMESPACE)).not.toBe(uuidV5('www.example.com', DNS_NAMESPACE));
    expect(uuidV5('www.example.com', '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).not.toBe(
      uuidV5('www.example.com', DNS_NAMESPACE),
    );
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'linju')).toThrow(/namespace/);
  });
});
