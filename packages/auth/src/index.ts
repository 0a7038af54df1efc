export * from './cookie.ts';
export * from './data-key-ring.ts';
export * from './password.ts';
export * from './permissions.ts';
export * from './secret-box.ts';
export * from './session.ts';
export * from './throttle.ts';
export * from './totp.ts';
