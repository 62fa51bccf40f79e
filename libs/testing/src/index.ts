export * from './factories';
export * from './test-app';
export * from './test-databases';
