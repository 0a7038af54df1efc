export * from './ensure-helm.ts';
export * from './ensure-kubernetes-validate.ts';
