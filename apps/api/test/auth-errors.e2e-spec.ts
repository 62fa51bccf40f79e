import { createHmac } from 'node:crypto';
import { QUEUE_DASHBOARD_PATH } from '@app/jobs';
import { newMember, newStaff, useTestApp } from '@app/testing';

const LIBRARY_WORDING = /jwt|malformed|signature|No auth token|invalid token|Unauthorized/i;

/** A token signed as the API signs them, with the claims and expiry a test needs. */
function signToken(claims: object, secret = process.env.JWT_SECRET!): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('Auth errors in the project words (e2e)', () => {
  const { app, http } = useTestApp();
  const now = () => Math.floor(Date.now() / 1000);

  it('answers an expired token with 401 TOKEN_EXPIRED, apart from UNAUTHENTICATED', async () => {
    const member = await newMember(app);
    const expired = signToken({
      sub: member.user.id,
      username: member.user.username,
      staff: false,
      iss: 'gym-platform',
      iat: now() - 7200,
      exp: now() - 3600,
    });
    const res = await http.get('/users/me').set('Authorization', `Bearer ${expired}`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, code: 'TOKEN_EXPIRED', message: 'The token has expired; log in again' });
  });

  it('says TOKEN_EXPIRED on the staff pages too', async () => {
    const staff = await newStaff(app);
    const expired = signToken({
      sub: staff.user.id,
      username: staff.user.username,
      staff: true,
      iss: 'gym-platform',
      iat: now() - 7200,
      exp: now() - 3600,
    });
    const res = await http.get(QUEUE_DASHBOARD_PATH).set('Authorization', `Bearer ${expired}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_EXPIRED');
  });

  it('never shows the JWT library wording for a bad token', async () => {
    const member = await newMember(app);
    const claims = { sub: member.user.id, username: member.user.username, staff: false, iss: 'gym-platform', exp: now() + 3600 };
    const tokens = {
      malformed: 'not-a-token',
      truncated: member.token.slice(0, -5),
      otherSecret: signToken(claims, 'not-our-secret'),
      otherIssuer: signToken({ ...claims, iss: 'someone-else' }),
    };
    for (const [kind, token] of Object.entries(tokens)) {
      const res = await http.get('/users/me').set('Authorization', `Bearer ${token}`);
      expect({ kind, status: res.status, code: res.body.code }).toEqual({ kind, status: 401, code: 'UNAUTHENTICATED' });
      expect({ kind, message: res.body.message }).toEqual({ kind, message: expect.not.stringMatching(LIBRARY_WORDING) });
      expect(res.body.message).toContain('log in again');
    }
  });

  it('says so when the Authorization header uses another scheme than Bearer', async () => {
    const member = await newMember(app);
    const res = await http.get('/users/me').set('Authorization', `Token ${member.token}`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
      message: 'The Authorization header uses the "Token" scheme; send Authorization: Bearer <token>',
    });
    const page = await http.get(QUEUE_DASHBOARD_PATH).set('Authorization', `Token ${member.token}`);
    expect(page.body.message).toContain('"Token" scheme');
  });

  it('asks for a bearer token when none is sent', async () => {
    const res = await http.get('/users/me');
    expect(res.body).toEqual({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
      message: 'Authentication is required: send Authorization: Bearer <token>',
    });
  });

  it('answers a body that is not JSON on a JSON route with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const member = await newMember(app);
    const signUp = { username: 'kim415', password: 'correct horse', phoneNumber: '010-1234-5678' };
    const asText = await http.post('/users').set('Content-Type', 'text/plain').send(JSON.stringify(signUp));
    expect(asText.status).toBe(415);
    expect(asText.body).toEqual({
      statusCode: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'The request body must be application/json, not text/plain',
    });
    const asForm = await http.post('/auth/login').type('form').send({ username: member.user.username, password: 'password-123' });
    expect(asForm.status).toBe(415);
    expect(asForm.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const authenticated = await http.post('/feeds/posts').set('Authorization', member.auth).set('Content-Type', 'text/plain').send('hello');
    expect(authenticated.status).toBe(415);
    const json = await http.post('/users').set('Content-Type', 'application/json; charset=utf-8').send(JSON.stringify(signUp));
    expect(json.status).toBe(201);
  });

  it('refuses a date range whose from is after its to with 400, naming to', async () => {
    const res = await http.get('/lessons').query({ from: '2030-01-12', to: '2030-01-11' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'to', messages: ['to must not be before from'] }] });
    await http.get('/lessons').query({ from: '2030-01-11', to: '2030-01-11' }).expect(200);
  });
});
