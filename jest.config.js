/** @type {import('jest').Config} */
const libs = ['core', 'identity', 'gym', 'feed', 'poll', 'jobs', 'release', 'recommend', 'testing'];

module.exports = {
  rootDir: '.',
  moduleFileExtensions: ['js', 'json', 'ts'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testEnvironment: 'node',
  moduleNameMapper: Object.fromEntries(libs.map((lib) => [`^@app/${lib}$`, `<rootDir>/libs/${lib}/src`])),
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  setupFiles: ['<rootDir>/libs/testing/src/worker-env.ts', '<rootDir>/apps/api/test/app-under-test.ts'],
  maxWorkers: 2,
  testTimeout: 60000,
};
