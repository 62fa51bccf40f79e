import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { type Member, newStaff } from './factories';
import { createTestApp, resetDatabase, type TestAppOptions } from './test-app';

export interface UseTestAppOptions extends TestAppOptions {
  /** Runs before each test, before the tables are emptied (to reset a fake clock, say). */
  beforeEach?: () => void;
}

/** A stand-in that forwards to the object `get` returns once `beforeAll` has created it. */
export function late<T extends object>(get: () => T | undefined, name: string): T {
  return new Proxy({} as T, {
    get(_stub, property) {
      const target = get();
      if (!target) throw new Error(`${name} is used before beforeAll created it`);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * The usual e2e setup in one call: create the app once per file, empty the tables before each
 * test, close the app after the file. Returns the app and a supertest agent to use in the tests.
 */
export function useTestApp(options: UseTestAppOptions = {}): { app: INestApplication; http: ReturnType<typeof request> } {
  let app: INestApplication | undefined;
  let http: ReturnType<typeof request> | undefined;
  beforeAll(async () => {
    app = await createTestApp(options);
    http = request(app.getHttpServer());
  });
  beforeEach(async () => {
    options.beforeEach?.();
    await resetDatabase(app!);
  });
  afterAll(() => app?.close());
  return { app: late(() => app, 'app'), http: late(() => http, 'http') };
}

/**
 * A staff member created afresh before each test, after `useTestApp` has emptied the tables
 * (call it after `useTestApp`: Jest runs `beforeEach` hooks in the order they are registered).
 */
export function useStaff(app: INestApplication): Member {
  let staff: Member | undefined;
  beforeEach(async () => {
    staff = await newStaff(app);
  });
  return late(() => staff, 'staff');
}
