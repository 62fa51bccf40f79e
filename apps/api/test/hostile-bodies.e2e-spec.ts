import { User } from '@app/identity';
import { forkEm, newMember, newStaff, useTestApp } from '@app/testing';

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

  /** A heart with its variation selector: one character to the eye, two code points to MySQL. */
  const HEART = '\u2764\uFE0F';
  type Case = [label: string, path: string, body: (text: string) => unknown, column: number];
  const cases: Case[] = [
    ['team roomName', '/feeds/teams', (text) => ({ roomName: text }), 128],
    ['post title', '/feeds/posts', (text) => ({ title: text, body: 'b' }), 128],
    ['game gameName', '/feeds/games', (text) => ({ gameName: text, gameLocation: 'Mapo' }), 128],
    [
      'poll head',
      '/polls',
      (text) => ({ head: text, message: '', isAnonymousVote: false, isMultipleVote: false, questions: ['a', 'b'] }),
      50,
    ],
    [
      'poll question',
      '/polls',
      (text) => ({ head: 'h', message: '', isAnonymousVote: false, isMultipleVote: false, questions: [text, 'b'] }),
      512,
    ],
    ['car carNumber', '/cars', (text) => ({ carNumber: text, type: 't', palletCount: 1 }), 20],
    ['order code', '/order-lists', (text) => [{ ymd: '20301201', code: text, codeName: 'n', locationName: 'l', count: 1 }], 32],
    ['policy name', '/price-policies', (text) => ({ name: text, price: 1, creditCount: 1, periodDays: 1 }), 100],
  ];

  it.each(cases)(
    'counts the %s as its column counts: one character over is 400, exactly full is stored as sent',
    async (_label, path, body, column) => {
      const staff = await newStaff(app);
      const over = HEART.repeat(column / 2) + 'x'; // column + 1 code points; @Length saw column / 2 + 1
      const refused = await http
        .post(path)
        .set('Authorization', staff.auth)
        .send(body(over) as object);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      const full = HEART.repeat(column / 2);
      const stored = await http
        .post(path)
        .set('Authorization', staff.auth)
        .send(body(full) as object);
      expect(stored.status).toBe(201);
      expect(JSON.stringify(stored.body)).toContain(JSON.stringify(full).slice(1, -1));
    },
  );

  it('refuses a lone surrogate instead of storing U+FFFD', async () => {
    const member = await newMember(app);
    const body = '{"roomName":"swim \\ud83d team"}';
    const res = await http.post('/feeds/teams').set('Authorization', member.auth).set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'roomName', messages: ['roomName must be well-formed Unicode text (it holds a lone surrogate)'] },
    ]);
  });
});
