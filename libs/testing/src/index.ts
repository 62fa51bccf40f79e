export * from './factories';
export * from './fake-clock';
export * from './gym-factories';
export * from './release-factories';
export * from './test-app';
export * from './test-databases';
export * from './smtp-sink';
export * from './bad-input';
