import { User } from '@app/identity';
import { forkEm, newMember, useTestApp } from '@app/testing';

/** `{"a":{"a":…{"a":1}…}}`, `depth` objects deep. */
const nested = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('Hostile request bodies (e2e)', () => {
  const { app, http } = useTestApp();

  it.each([
    ['/auth/login', 1_500],
    ['/feeds/posts', 3_000],
    ['/users', 100_000],
  ])('answers a body on %s nested %s levels deep with 400 MALFORMED_JSON, not a 500', async (path, depth) => {
    const member = await newMember(app);
    const res = await http.post(path).set('Authorization', member.auth).set('Content-Type', 'application/json').send(nested(depth));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body nests deeper than 32 levels' });
  });

  it('still accepts the nesting real bodies use', async () => {
    const res = await http.post('/users').send({ username: 'nested_ok', password: 'password-123', phoneNumber: '010-1234-5678' });
    expect(res.status).toBe(201);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'])(
    'refuses %s as a body key like any unknown field, and creates nothing',
    async (key) => {
      const username = `proto_${key.replace(/_/g, '')}`.toLowerCase();
      const body = `{"username":"${username}","password":"password-123","phoneNumber":"010-1234-5678","${key}":{"isStaff":true}}`;
      const res = await http.post('/users').set('Content-Type', 'application/json').send(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ field: key, messages: [`property ${key} should not exist`] }],
      });
      expect(await forkEm(app).count(User, { username })).toBe(0);
    },
  );

  it('refuses an inherited name as a key inside a nested object too', async () => {
    const member = await newMember(app);
    const body = '{"head":"Lunch?","endTime":"2099-01-01T00:00:00Z","questions":[{"text":"Yes","constructor":1}]}';
    const res = await http.post('/polls').set('Authorization', member.auth).set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'questions.0.constructor', messages: ['property constructor should not exist'] }]);
  });
});
