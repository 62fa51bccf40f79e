import { createHmac } from 'node:crypto';
import { RequestContext } from '@mikro-orm/core';
import { captureQueries } from '@app/core';
import { User, UserService } from '@app/identity';
import { forkEm, newMember, newStaff, useTestApp } from '@app/testing';

describe('Users and auth (e2e)', () => {
  const { app, http } = useTestApp();

  describe('POST /users (sign-up)', () => {
    it('creates a member, logs them in, and never returns the password or its hash', async () => {
      const res = await http.post('/users').send({ username: 'kim.minji', password: 'correct horse', phoneNumber: '010-1234-5678' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        username: 'kim.minji',
        phoneNumber: '010-1234-5678',
        email: null,
        isStaff: false,
        image: null,
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        refreshToken: expect.stringMatching(/^[\w-]{43}$/),
        tokenType: 'Bearer',
        expiresIn: 900,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password|scrypt/i);
    });

    it('refuses a taken username with 409 USERNAME_TAKEN', async () => {
      const body = { username: 'twice', password: 'correct horse', phoneNumber: '010-1234-5678' };
      await http.post('/users').send(body).expect(201);
      const res = await http.post('/users').send(body);
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ statusCode: 409, code: 'USERNAME_TAKEN', message: expect.stringContaining('twice') });
    });

    it('gives exactly one account to racing sign-ups of the same username', async () => {
      const body = { username: 'racer', password: 'correct horse', phoneNumber: '010-1234-5678' };
      const results = await Promise.all(Array.from({ length: 5 }, () => http.post('/users').send(body)));
      expect(results.map((res) => res.status).sort()).toEqual([201, 409, 409, 409, 409]);
    });

    it('cannot sign up as staff: isStaff is an unknown field', async () => {
      const res = await http
        .post('/users')
        .send({ username: 'sneaky', password: 'correct horse', phoneNumber: '010-1234-5678', isStaff: true });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual([{ field: 'isStaff', messages: ['property isStaff should not exist'] }]);
    });
  });

  describe('PATCH /users/me', () => {
    const me = (member: { auth: string }) => http.get('/users/me').set('Authorization', member.auth).expect(200);
    const patch = (member: { auth: string }, body: object) => http.patch('/users/me').set('Authorization', member.auth).send(body);

    it('signs up with an optional email and changes phone number and email, null removing it', async () => {
      const signUp = await http
        .post('/users')
        .send({ username: 'park.email', password: 'correct horse', phoneNumber: '010-1234-5678', email: 'park@example.com' })
        .expect(201);
      expect(signUp.body.email).toBe('park@example.com');
      const member = await newMember(app);
      const changed = await patch(member, { phoneNumber: '010-9999-8888', email: 'new@example.com' }).expect(200);
      expect(changed.body).toMatchObject({ id: member.user.id, phoneNumber: '010-9999-8888', email: 'new@example.com' });
      expect((await me(member)).body).toMatchObject({ phoneNumber: '010-9999-8888', email: 'new@example.com' });
      expect((await patch(member, { email: null }).expect(200)).body.email).toBeNull();
      expect((await me(member)).body).toMatchObject({ phoneNumber: '010-9999-8888', email: null });
    });

    it('changes the password only with the current one, and a refusal changes nothing', async () => {
      const member = await newMember(app);
      const login = (password: string) => http.post('/auth/login').send({ username: member.user.username, password });

      const missing = await patch(member, { password: 'a brand new password' }).expect(400);
      expect(missing.body.errors).toEqual([{ field: 'currentPassword', messages: ['currentPassword is required to change the password'] }]);
      const wrong = await patch(member, {
        password: 'a brand new password',
        currentPassword: 'not it at all',
        phoneNumber: '010-0000-1111',
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'The current password is wrong' });
      expect((await me(member)).body.phoneNumber).not.toBe('010-0000-1111');
      await login(member.password).expect(200);

      await patch(member, { password: 'a brand new password', currentPassword: member.password }).expect(200);
      await login('a brand new password').expect(200);
      expect((await login(member.password)).body.code).toBe('INVALID_CREDENTIALS');
    });

    it('refuses a bad email, a short password and fields a member may not change', async () => {
      const member = await newMember(app);
      const fields = async (body: object) =>
        ((await patch(member, body).expect(400)).body.errors as { field: string }[]).map((error) => error.field);
      expect(await fields({ email: 'not-an-email' })).toEqual(['email']);
      expect(await fields({ password: 'short', currentPassword: member.password })).toEqual(['password']);
      expect(await fields({ isStaff: true })).toEqual(['isStaff']);
      expect(await fields({ username: 'someone.else' })).toEqual(['username']);
      await http.patch('/users/me').send({ phoneNumber: '010-1111-1111' }).expect(401);
    });
  });

  describe('password hashes', () => {
    it('are read only to check a password, never with the users an answer shows', async () => {
      const member = await newMember(app);
      const listed = await captureQueries(() => forkEm(app).find(User, { id: member.user.id }));
      expect(listed.statements.join('\n')).not.toMatch(/password_hash|`u0`\.\*/);
      const authenticate = (password: string) =>
        RequestContext.create(forkEm(app), () => app.get(UserService).authenticate(member.user.username, password));
      await expect(authenticate(member.password)).resolves.toMatchObject({ id: member.user.id });
      await expect(authenticate('wrong password')).resolves.toBeNull();
    });
  });

  describe('POST /auth/login', () => {
    it('returns a bearer token that opens GET /users/me', async () => {
      await http.post('/users').send({ username: 'lee', password: 'correct horse', phoneNumber: '010-1111-2222' }).expect(201);
      const login = await http.post('/auth/login').send({ username: 'lee', password: 'correct horse' });
      expect(login.status).toBe(200);
      expect(login.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.stringMatching(/^[\w-]{43}$/),
        tokenType: 'Bearer',
        expiresIn: 900,
      });
      const me = await http.get('/users/me').set('Authorization', `Bearer ${login.body.accessToken}`);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ username: 'lee', isStaff: false, creditBalance: 0, reservations: [] });
    });

    it.each([
      ['a wrong password', { username: 'lee', password: 'wrong password' }],
      ['an unknown username', { username: 'nobody', password: 'correct horse' }],
    ])('refuses %s with 401 INVALID_CREDENTIALS', async (_case, body) => {
      await http.post('/users').send({ username: 'lee', password: 'correct horse', phoneNumber: '010-1111-2222' }).expect(201);
      const res = await http.post('/auth/login').send(body);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' });
    });

    it('validates the body before checking credentials (400, not 401)', async () => {
      const res = await http.post('/auth/login').send({ username: 'lee' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((error: { field: string }) => error.field)).toEqual(['password']);
    });

    it('refuses unknown fields in the login body', async () => {
      const res = await http.post('/auth/login').send({ username: 'lee', password: 'x', remember: true });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'remember', messages: ['property remember should not exist'] }]);
    });
  });

  describe('bearer tokens', () => {
    it('answers 401 UNAUTHENTICATED without a token', async () => {
      const res = await http.get('/users/me');
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    });

    it('refuses a token whose payload was tampered with', async () => {
      const member = await newMember(app);
      const [header, payload, signature] = member.token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...claims, staff: true })).toString('base64url');
      const res = await http.get('/users/me').set('Authorization', `Bearer ${header}.${forged}.${signature}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an unsigned token (alg none) and a token signed with another secret', async () => {
      const member = await newMember(app);
      const claims = { sub: member.user.id, username: member.user.username, staff: true, iss: 'gym-platform' };
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
      const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
      const otherSecret = `${body}.${createHmac('sha256', 'not-our-secret').update(body).digest('base64url')}`;
      for (const token of [unsigned, otherSecret]) {
        const res = await http.get('/users/me').set('Authorization', `Bearer ${token}`);
        expect(res.status).toBe(401);
      }
    });
  });

  describe('GET /users/:id', () => {
    it('lets members read themselves, staff read anyone, and refuses others with 403', async () => {
      const [alice, bob, staff] = [await newMember(app), await newMember(app), await newStaff(app)];
      await http.get(`/users/${alice.user.id}`).set('Authorization', alice.auth).expect(200);
      const refused = await http.get(`/users/${alice.user.id}`).set('Authorization', bob.auth);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      const byStaff = await http.get(`/users/${alice.user.id}`).set('Authorization', staff.auth);
      expect(byStaff.status).toBe(200);
      expect(byStaff.body).toMatchObject({ id: alice.user.id, username: alice.user.username, phoneNumber: alice.user.phoneNumber });
    });

    it('answers 404 NOT_FOUND for an unknown id and 400 for a non-numeric one', async () => {
      const staff = await newStaff(app);
      const missing = await http.get('/users/999999').set('Authorization', staff.auth);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'User 999999 not found' });
      const bad = await http.get('/users/abc').set('Authorization', staff.auth);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ field: 'id', messages: ['id must be a positive integer'] }]);
    });
  });

  describe('PUT /users/me/image', () => {
    it('sets and then replaces the picture, keeping one image row', async () => {
      const member = await newMember(app);
      const first = await http.put('/users/me/image').set('Authorization', member.auth).send({ imageUrl: 'https://img.example.com/a.jpg' });
      expect(first.status).toBe(200);
      expect(first.body.image).toEqual({ id: expect.any(Number), imageUrl: 'https://img.example.com/a.jpg' });
      const second = await http
        .put('/users/me/image')
        .set('Authorization', member.auth)
        .send({ imageUrl: 'https://img.example.com/b.jpg' });
      expect(second.body.image).toEqual({ id: first.body.image.id, imageUrl: 'https://img.example.com/b.jpg' });
      const me = await http.get('/users/me').set('Authorization', member.auth).expect(200);
      expect(me.body).toMatchObject({
        id: member.user.id,
        isStaff: false,
        image: { id: first.body.image.id, imageUrl: 'https://img.example.com/b.jpg' },
      });
    });

    it('refuses something that is not an http(s) URL', async () => {
      const member = await newMember(app);
      const res = await http.put('/users/me/image').set('Authorization', member.auth).send({ imageUrl: 'javascript:alert(1)' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('imageUrl');
    });
  });
});
