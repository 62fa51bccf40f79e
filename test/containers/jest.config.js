/**
 * `npm run test:containers`: the image and the compose stack run for real under podman (see
 * docs/deploy.md). Its own config, so `npm test` stays fast; the global setup builds the images.
 * @type {import('jest').Config}
 */
const base = require('../../jest.config');

module.exports = {
  ...base,
  rootDir: '../..',
  testRegex: 'test/containers/.*\\.container-spec\\.ts$',
  globalSetup: '<rootDir>/test/containers/global-setup.ts',
  setupFiles: [],
  // the containers share two cores: one spec at a time
  maxWorkers: 1,
  testTimeout: 240_000,
};
