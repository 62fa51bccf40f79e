import { createConnection } from 'mysql2/promise';
import { User } from '@app/identity';
import { FakeClock, forkEm, type Member, newMember, newStaff, useTestApp } from '@app/testing';

const NOW = '2030-01-10T01:00:00Z';

/** POST /polls/:id/close: by the owner or staff, endTime becomes now, votes are refused after, every close audited. */
describe('Closing a poll, POST /polls/:id/close (e2e)', () => {
  const clock = new FakeClock(NOW);
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set(NOW) });

  const createPoll = async (owner: Member, endTime?: string) =>
    (
      await http
        .post('/polls')
        .set('Authorization', owner.auth)
        .send({
          head: 'Thursday dinner?',
          message: 'Reply by Wednesday',
          endTime,
          isAnonymousVote: false,
          isMultipleVote: false,
          questions: ['Yes', 'No'],
        })
        .expect(201)
    ).body as { id: number; endTime: string | null; questions: { id: number }[] };
  const close = (member: Member, id: number) => http.post(`/polls/${id}/close`).set('Authorization', member.auth);
  const vote = (member: Member, poll: { id: number; questions: { id: number }[] }) =>
    http
      .post(`/polls/${poll.id}/votes`)
      .set('Authorization', member.auth)
      .send({ questionIds: [poll.questions[0].id] });
  const auditOf = async (staff: Member, id: number) =>
    (await http.get('/audit').query({ entity: 'poll', entityId: id }).set('Authorization', staff.auth).expect(200)).body.items;

  it('lets the owner close an open poll: endTime is now by the app clock, votes and retractions are refused after', async () => {
    const [owner, voter, staff] = [await newMember(app), await newMember(app), await newStaff(app)];
    const poll = await createPoll(owner, '2030-01-20T00:00:00Z');
    await vote(voter, poll).expect(201);
    clock.set('2030-01-12T03:04:05.678Z');

    const closed = await close(owner, poll.id).expect(200);
    expect(closed.body).toMatchObject({ id: poll.id, endTime: '2030-01-12T03:04:05.000Z', head: 'Thursday dinner?' });
    expect(closed.body.questions[0].voteCount).toBe(1);
    expect((await http.get(`/polls/${poll.id}`).set('Authorization', voter.auth).expect(200)).body.endTime).toBe(
      '2030-01-12T03:04:05.000Z',
    );

    const late = await newMember(app);
    expect((await vote(late, poll).expect(409)).body.code).toBe('POLL_CLOSED');
    expect((await http.delete(`/polls/${poll.id}/votes`).set('Authorization', voter.auth).expect(409)).body.code).toBe('POLL_CLOSED');

    expect(await auditOf(staff, poll.id)).toEqual([
      expect.objectContaining({
        actor: { id: owner.user.id, username: owner.user.username },
        action: 'poll.close',
        entity: 'poll',
        entityId: poll.id,
        before: { endTime: '2030-01-20T00:00:00.000Z' },
        after: { endTime: '2030-01-12T03:04:05.000Z' },
      }),
    ]);
  });

  it("lets staff close a member's poll that had no end, recorded with staff as the actor", async () => {
    const [owner, staff] = [await newMember(app), await newStaff(app)];
    const poll = await createPoll(owner);
    expect((await close(staff, poll.id).expect(200)).body.endTime).toBe('2030-01-10T01:00:00.000Z');
    expect(await auditOf(staff, poll.id)).toEqual([
      expect.objectContaining({
        actor: { id: staff.user.id, username: staff.user.username },
        before: { endTime: null },
        after: { endTime: '2030-01-10T01:00:00.000Z' },
      }),
    ]);
  });

  it('answers 409 POLL_CLOSED for a poll already closed or past its end, changing nothing and recording nothing', async () => {
    const [owner, staff] = [await newMember(app), await newStaff(app)];
    const poll = await createPoll(owner);
    await close(owner, poll.id).expect(200);
    clock.set('2030-01-11T00:00:00Z');
    expect((await close(owner, poll.id).expect(409)).body.code).toBe('POLL_CLOSED');
    expect((await http.get(`/polls/${poll.id}`).set('Authorization', owner.auth)).body.endTime).toBe('2030-01-10T01:00:00.000Z');

    const ended = await createPoll(owner, '2030-01-12T00:00:00Z');
    clock.set('2030-01-13T00:00:00Z');
    expect((await close(staff, ended.id).expect(409)).body.code).toBe('POLL_CLOSED');
    expect(await auditOf(staff, poll.id)).toHaveLength(1);
    expect(await auditOf(staff, ended.id)).toEqual([]);
  });

  it('refuses other members with 403 FORBIDDEN (staff rights from the database) and an unknown poll with 404', async () => {
    const [owner, other, demoted] = [await newMember(app), await newMember(app), await newStaff(app)];
    const poll = await createPoll(owner);
    expect((await close(other, poll.id).expect(403)).body.code).toBe('FORBIDDEN');
    await forkEm(app).nativeUpdate(User, { id: demoted.user.id }, { isStaff: false });
    expect((await close(demoted, poll.id).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await http.get(`/polls/${poll.id}`).set('Authorization', owner.auth)).body.endTime).toBeNull();
    expect((await close(owner, 999_999).expect(404)).body.code).toBe('NOT_FOUND');
    await http.post(`/polls/${poll.id}/close`).expect(401);
  });

  it('makes a vote that reads the poll while a close holds it wait, then refuses it', async () => {
    const [owner, voter] = [await newMember(app), await newMember(app)];
    const poll = await createPoll(owner);
    // a connection of its own (not the test's transaction context, which the request would inherit) does what the close does
    const closer = await createConnection(process.env.DATABASE_URL!);
    try {
      await closer.beginTransaction();
      await closer.query('select id from poll where id = ? for update', [poll.id]);
      const voted = vote(voter, poll).then((res) => [res.status, res.body.code]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await closer.query('update poll set end_time = ? where id = ?', ['2030-01-10 01:00:00', poll.id]);
      await closer.commit();
      expect(await voted).toEqual([409, 'POLL_CLOSED']);
    } finally {
      await closer.end();
    }
  });
});
