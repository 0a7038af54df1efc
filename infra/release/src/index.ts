export * from './build-release.ts';
export * from './elf-machine.ts';
export * from './node-runtime.ts';
export * from './release-arch.ts';
