import { registerAppUnderTest } from '@app/testing';

// A Jest setup file: every test file's `createTestApp()` builds the API exactly as main.ts does.
registerAppUnderTest(async () => {
  const [{ AppModule }, { APP_OPTIONS, configureApp }] = await Promise.all([import('../src/app.module'), import('../src/configure-app')]);
  return { module: AppModule, options: APP_OPTIONS, configure: configureApp };
});
