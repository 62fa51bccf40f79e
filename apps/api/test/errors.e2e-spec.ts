import { Controller, Get } from '@nestjs/common';
import { Public } from '@app/core';
import { StaffOnly } from '@app/identity';
import { newMember, newStaff, useTestApp } from '@app/testing';

@Controller('probe')
class ErrorProbeController {
  @Public()
  @Get('crash')
  crash(): never {
    throw new Error('secret internals: password=hunter2 at /srv/app/db.ts:42');
  }

  @StaffOnly()
  @Get('staff')
  staffOnly(): { ok: true } {
    return { ok: true };
  }
}

describe('Errors, validation and request ids (e2e)', () => {
  const { app, http } = useTestApp({ controllers: [ErrorProbeController] });

  it('names every bad field in a 400 VALIDATION_FAILED', async () => {
    const res = await http.post('/users').send({ username: 'a', password: 5 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.any(String) });
    expect(res.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['password', 'phoneNumber', 'username']);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON and changes nothing', async () => {
    const res = await http.post('/users').set('Content-Type', 'application/json').send('{"username": "kim", ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' });
  });

  it('refuses a JSON array where an object is expected', async () => {
    const res = await http.post('/users').send([{ username: 'kim' }]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers a body over the size limit with 413 in the error shape', async () => {
    const res = await http.post('/users').send({ username: 'x'.repeat(1_100_000), password: 'correct horse', phoneNumber: '010' });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers an unknown route with 404 NOT_FOUND in the error shape', async () => {
    const res = await http.get('/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('turns an unexpected error into a 500 that reveals nothing', async () => {
    const res = await http.get('/probe/crash');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' });
    expect(res.text).not.toMatch(/hunter2|secret|db\.ts/);
  });

  it('keeps staff-only routes to staff: 401 anonymous, 403 member, 200 staff', async () => {
    await http.get('/probe/staff').expect(401);
    const member = await newMember(app);
    const refused = await http.get('/probe/staff').set('Authorization', member.auth);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ statusCode: 403, code: 'FORBIDDEN', message: 'Only staff may do this' });
    const staff = await newStaff(app);
    await http.get('/probe/staff').set('Authorization', staff.auth).expect(200, { ok: true });
  });

  describe('X-Request-Id', () => {
    it('is generated when the client sends none, on success and on error', async () => {
      const ok = await http.get('/health');
      const error = await http.get('/users/me');
      for (const res of [ok, error]) expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(ok.headers['x-request-id']).not.toBe(error.headers['x-request-id']);
    });

    it("echoes a client's id, and replaces one that is not a sane token", async () => {
      const echoed = await http.get('/health').set('X-Request-Id', 'client-abc.123');
      expect(echoed.headers['x-request-id']).toBe('client-abc.123');
      const replaced = await http.get('/health').set('X-Request-Id', 'bad id <script>');
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
