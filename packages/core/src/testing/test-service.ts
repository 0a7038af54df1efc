/**
 * A service no plugin provides, for the platform's own tests: a case of it is a case of "some
 * service", whichever plugins are installed, so a platform test depends on none of them. Every
 * test district has it switched on at the centre. (Not an `x-` id: a street's X services have
 * definitions of their own.)
 */
export const TEST_SERVICE = 'test-service';

/** The test service with its names, as a manifest gives a plugin's (for what names services). */
export const TEST_SERVICES = [
  { id: TEST_SERVICE, name: { 'zh-CN': '测试服务', en: 'Test service' } },
] as const;

/** A second such service, switched on nowhere unless a test does: two services, or one that is off. */
export const SECOND_TEST_SERVICE = 'test-service-b';
