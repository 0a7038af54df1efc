/**
 * The version of the plugin contract this package implements. A plugin declares the range it was
 * written against in `sdkVersion` (`'1.x'`); the registry refuses a plugin whose range this
 * version does not satisfy. Bump the major on any change a plugin could notice.
 */
export const SDK_VERSION = '1.0.0';
