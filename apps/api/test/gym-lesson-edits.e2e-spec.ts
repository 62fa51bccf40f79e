import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { EMAIL_QUEUE, type EmailJobData } from '@app/jobs';
import { buyCredits, FakeClock, type Member, newLesson, newMember, newStaff, useTestApp } from '@app/testing';

// 2030-01-10 10:00 in Asia/Seoul
const TODAY = '2030-01-10';
const NOW = '2030-01-10T01:00:00Z';

/** PATCH /lessons/:id: staff change a lesson's capacity and times; a larger capacity fills from the waitlist. */
describe('Gym: staff editing a lesson (e2e)', () => {
  const clock = new FakeClock(NOW);
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set(NOW) });

  const edit = (who: Member, lessonId: number, body: Record<string, unknown>) =>
    http.patch(`/lessons/${lessonId}`).set('Authorization', who.auth).send(body);
  const auditOf = async (staff: Member, lessonId: number) =>
    (await http.get('/audit').query({ entity: 'lesson', entityId: lessonId }).set('Authorization', staff.auth).expect(200)).body.items;

  const queue = () => app.get<Queue<EmailJobData>>(getQueueToken(EMAIL_QUEUE));
  beforeEach(() => queue().obliterate({ force: true }));
  afterEach(() => queue().obliterate({ force: true }));

  async function memberWith(credits: number, email?: string): Promise<Member> {
    const member = await newMember(app, email ? { email } : {});
    await buyCredits(app, member, { creditCount: credits, startDate: TODAY });
    return member;
  }

  it('changes the times and answers the lesson as the schedule lists it, with the change on the record', async () => {
    const staff = await newStaff(app);
    const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 5 });
    const res = await edit(staff, lesson.id, { startTime: '18:00', endTime: '18:50' }).expect(200);
    expect(res.body).toEqual({
      id: lesson.id,
      gym: 'seoul',
      type: 'yoga',
      creditCount: 2,
      maxCapacity: 5,
      reservedCount: 0,
      startDate: '2030-01-15',
      startTime: '18:00',
      endTime: '18:50',
      canceledAt: null,
      seatsLeft: 5,
      waitlistLength: 0,
      myBooking: null,
      myWaitlistPosition: null,
    });
    const listed = (await http.get('/lessons').expect(200)).body.items[0];
    expect(listed).toEqual({ ...res.body });
    expect(await auditOf(staff, lesson.id)).toEqual([
      expect.objectContaining({
        actor: { id: staff.user.id, username: staff.user.username },
        action: 'lesson.update',
        before: { startTime: '19:00', endTime: '20:00' },
        after: { startTime: '18:00', endTime: '18:50' },
      }),
    ]);
    // only what changed is recorded; a request that changes nothing records nothing
    await edit(staff, lesson.id, { startTime: '18:00', maxCapacity: 6 }).expect(200);
    expect((await auditOf(staff, lesson.id))[0]).toMatchObject({ before: { maxCapacity: 5 }, after: { maxCapacity: 6 } });
    await edit(staff, lesson.id, { maxCapacity: 6 }).expect(200);
    expect(await auditOf(staff, lesson.id)).toHaveLength(2);
  });

  it('refuses an end before the start, a capacity below the bookings, members and bad fields', async () => {
    const staff = await newStaff(app);
    const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 3, creditCount: 1 });
    const members = [await memberWith(1), await memberWith(1)];
    for (const member of members) await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', member.auth).expect(201);

    expect((await edit(staff, lesson.id, { endTime: '19:00' }).expect(400)).body.code).toBe('INVALID_END_TIME');
    expect((await edit(staff, lesson.id, { startTime: '20:30' }).expect(400)).body.code).toBe('INVALID_END_TIME');
    const below = await edit(staff, lesson.id, { maxCapacity: 1 }).expect(409);
    expect(below.body).toEqual({
      statusCode: 409,
      code: 'CAPACITY_BELOW_BOOKED',
      message: 'The lesson holds 2 active bookings: its capacity cannot go below that',
    });
    await edit(staff, lesson.id, { maxCapacity: 2 }).expect(200);
    expect((await edit(members[0], lesson.id, { maxCapacity: 5 }).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await edit(staff, 999_999, { maxCapacity: 5 }).expect(404)).body.code).toBe('NOT_FOUND');
    for (const body of [{ maxCapacity: 0 }, { startTime: '25:00' }, { creditCount: 1 }, { startDate: '2030-01-16' }])
      expect((await edit(staff, lesson.id, body).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect(await auditOf(staff, lesson.id)).toHaveLength(1);
  });

  it('books members from the waitlist into the seats a larger capacity opens, in queue order, passing those short of credit', async () => {
    const staff = await newStaff(app);
    const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 1, creditCount: 2 });
    const holder = await memberWith(2);
    await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', holder.auth).expect(201);
    const [first, broke, second, third] = [
      await memberWith(2, 'first@example.com'),
      await memberWith(1, 'broke@example.com'),
      await memberWith(2),
      await memberWith(2, 'third@example.com'),
    ];
    for (const waiter of [first, broke, second, third])
      await http.post(`/lessons/${lesson.id}/waitlist`).set('Authorization', waiter.auth).expect(201);

    const res = await edit(staff, lesson.id, { maxCapacity: 3 }).expect(200);
    expect(res.body).toMatchObject({ maxCapacity: 3, reservedCount: 3, seatsLeft: 0, waitlistLength: 1 });
    const statusOf = async (member: Member) => (await http.get('/users/me/waitlist').set('Authorization', member.auth).expect(200)).body[0];
    expect(await statusOf(first)).toMatchObject({ status: 'promoted' });
    expect(await statusOf(broke)).toMatchObject({ status: 'passed', reason: 'NOT_ENOUGH_CREDIT' });
    expect(await statusOf(second)).toMatchObject({ status: 'promoted' });
    expect(await statusOf(third)).toMatchObject({ status: 'waiting', position: 1 });
    const balances = await Promise.all(
      [first, broke, second, third].map(
        async (member) => (await http.get('/credits/balance').set('Authorization', member.auth)).body.balance,
      ),
    );
    expect(balances).toEqual([0, 1, 0, 2]);
    // after the commit, the promoted member with an address hears of the seat; nobody else does
    const jobs = await queue().getJobs(['waiting', 'delayed', 'active']);
    const firstEntry = (await statusOf(first)).id;
    expect(jobs.map((job) => [job.id, job.data.recipients])).toEqual([[`email-waitlist-promotion-${firstEntry}`, ['first@example.com']]]);
  });

  it('refuses to edit a cancelled lesson', async () => {
    const staff = await newStaff(app);
    const lesson = await newLesson(app, { startDate: '2030-01-15' });
    await http.post(`/lessons/${lesson.id}/cancel`).set('Authorization', staff.auth).send({ reason: 'No instructor' }).expect(200);
    expect((await edit(staff, lesson.id, { maxCapacity: 20 }).expect(409)).body.code).toBe('LESSON_ALREADY_CANCELED');
  });
});
