import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Queue } from 'bull';
import request from 'supertest';
import { captureQueries, Clock } from '@app/core';
import { BookingRemindersService, GymLocation, LessonType, MemberDayBookingsReader } from '@app/gym';
import { EMAIL_QUEUE, MAINTENANCE_QUEUE, SEND_REMINDERS_JOB } from '@app/jobs';
import {
  buyCredits,
  createTestApp,
  FakeClock,
  type Member,
  newLesson,
  newMember,
  resetDatabase,
  type SmtpSink,
  startSmtpSink,
  withEnv,
} from '@app/testing';
import { MaintenanceSchedule } from '../src/maintenance-schedule';
import { QueueConsumers } from '../src/queue-consumers';
import { WorkerModule } from '../src/worker.module';

// 18:00 on 2030-01-10 in Asia/Seoul (the default APP_TIMEZONE): the reminders are for 2030-01-11
const EVENING = '2030-01-10T09:00:00Z';
const TODAY = '2030-01-10';
const TOMORROW = '2030-01-11';
const DAY_AFTER = '2030-01-12';

/** The API (for members, who book and cancel through HTTP) and the real worker, in this process, on one fake clock. */
describe('worker: the evening reminder of tomorrow’s bookings (e2e)', () => {
  const clock = new FakeClock(EVENING);
  const savedSmtpUrl = process.env.SMTP_URL;
  let sink: SmtpSink;
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let worker: TestingModule;
  let maintenance: Queue;
  let email: Queue;
  let consuming = false;
  /** Consumers start at the first run, after the schedule test (whose registrations queue an index rebuild) has cleaned up. */
  const startConsumers = () => {
    if (!consuming) worker.get(QueueConsumers).start();
    consuming = true;
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    app = await createTestApp({ clock });
    http = request(app.getHttpServer());
    worker = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    worker.useLogger(['error']);
    await worker.init();
    // the API's handles on the queues: they outlive the worker's, for the clean-up after it closed
    maintenance = app.get<Queue>(getQueueToken(MAINTENANCE_QUEUE));
    email = app.get<Queue>(getQueueToken(EMAIL_QUEUE));
    await Promise.all([maintenance.obliterate({ force: true }), email.obliterate({ force: true })]);
  });
  beforeEach(async () => {
    clock.set(EVENING);
    await resetDatabase(app);
    sink.received.length = 0;
  });
  afterEach(async () => {
    for (const queue of [maintenance, email]) {
      await queue.clean(0, 'completed');
      await queue.clean(0, 'failed');
    }
  });
  afterAll(async () => {
    await worker.close();
    await Promise.all([maintenance.obliterate({ force: true }), email.obliterate({ force: true })]);
    await app.close();
    await sink.close();
    if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtpUrl;
  });

  /** A member with plenty of credits, and an email unless told `null`. */
  async function member(name: string, emailAddress: string | null = `${name}@example.com`): Promise<Member> {
    const created = await newMember(app, emailAddress === null ? {} : { email: emailAddress });
    await buyCredits(app, created, { creditCount: 50, startDate: TODAY });
    return created;
  }
  const book = async (who: Member, lessonId: number): Promise<number> =>
    (await http.post(`/lessons/${lessonId}/reservations`).set('Authorization', who.auth).expect(201)).body.id;
  const cancel = (who: Member, reservationId: number) =>
    http.delete(`/reservations/${reservationId}`).set('Authorization', who.auth).expect(200);

  /** Runs the scheduled job as Bull would, then waits for every mailing it enqueued to be settled. */
  async function runReminders(): Promise<{ date: string; reminded: number }> {
    startConsumers();
    const job = await maintenance.add(SEND_REMINDERS_JOB, {});
    const result = (await job.finished()) as { date: string; reminded: number };
    const mailings = await email.getJobs(['waiting', 'active', 'delayed']);
    await Promise.all(mailings.map((mailing) => mailing.finished()));
    return result;
  }
  const mailTo = (who: Member) => sink.received.filter((mail) => mail.to === who.user.email);
  const lines = (text: string) => text.split('\n').filter((line) => line.startsWith('- '));

  it('is scheduled with REMINDER_CRON in the gym’s time zone, and replaced when the cron changes', async () => {
    const reminderSchedules = async () =>
      (await maintenance.getRepeatableJobs())
        .filter((job) => job.name === SEND_REMINDERS_JOB)
        .map(({ name, cron, tz }) => ({ name, cron, tz }));
    await worker.get(MaintenanceSchedule).register();
    await worker.get(MaintenanceSchedule).register();
    expect(await reminderSchedules()).toEqual([{ name: SEND_REMINDERS_JOB, cron: '0 18 * * *', tz: 'Asia/Seoul' }]);

    const changed = await withEnv({ REMINDER_CRON: '30 19 * * *' }, () => Test.createTestingModule({ imports: [WorkerModule] }).compile());
    changed.useLogger(['error']);
    await changed.init();
    try {
      await changed.get(MaintenanceSchedule).register();
    } finally {
      await changed.close();
    }
    expect(await reminderSchedules()).toEqual([{ name: SEND_REMINDERS_JOB, cron: '30 19 * * *', tz: 'Asia/Seoul' }]);
    await maintenance.obliterate({ force: true });
  });

  it('emails each member booked tomorrow one reminder listing exactly their active bookings of that day', async () => {
    const [mina, joon, noEmail, laterOnly] = [
      await member('mina'),
      await member('joon'),
      await member('nomail', null),
      await member('later'),
    ];
    const swim = await newLesson(app, {
      startDate: TOMORROW,
      gym: GymLocation.Busan,
      type: LessonType.Swim,
      startTime: '07:00',
      endTime: '08:00',
    });
    const yoga = await newLesson(app, {
      startDate: TOMORROW,
      gym: GymLocation.Seoul,
      type: LessonType.Yoga,
      startTime: '19:00',
      endTime: '20:00',
    });
    const dropped = await newLesson(app, { startDate: TOMORROW, type: LessonType.Crossfit, startTime: '12:00', endTime: '13:00' });
    const tonight = await newLesson(app, { startDate: TODAY, type: LessonType.Weight, startTime: '20:00', endTime: '21:00' });
    const dayAfter = await newLesson(app, { startDate: DAY_AFTER, type: LessonType.Weight, startTime: '09:00', endTime: '10:00' });
    await book(mina, yoga.id);
    await book(mina, swim.id);
    await cancel(mina, await book(mina, dropped.id));
    await book(mina, tonight.id);
    await book(mina, dayAfter.id);
    await book(joon, yoga.id);
    await book(noEmail, yoga.id);
    await book(laterOnly, dayAfter.id);
    await book(laterOnly, tonight.id);

    await expect(runReminders()).resolves.toEqual({ date: TOMORROW, reminded: 2 });

    expect(sink.received.map((mail) => mail.to).sort()).toEqual(['joon@example.com', 'mina@example.com']);
    const [toMina] = mailTo(mina);
    expect(toMina.subject).toBe(`Your bookings for tomorrow, ${TOMORROW}`);
    expect(toMina.text).toContain(`Hello ${mina.user.username},`);
    expect(lines(toMina.text)).toEqual(['- Swim, Busan, 07:00-08:00', '- Yoga, Seoul, 19:00-20:00']);
    expect(lines(mailTo(joon)[0].text)).toEqual(['- Yoga, Seoul, 19:00-20:00']);
  });

  it('sends each reminder once when the job runs again the same evening, even after the mailings were cleaned away', async () => {
    const [mina, joon] = [await member('mina'), await member('joon')];
    const yoga = await newLesson(app, { startDate: TOMORROW });
    await book(mina, yoga.id);
    await book(joon, yoga.id);

    await expect(runReminders()).resolves.toEqual({ date: TOMORROW, reminded: 2 });
    await expect(runReminders()).resolves.toEqual({ date: TOMORROW, reminded: 2 });
    await email.clean(0, 'completed');
    clock.set('2030-01-10T14:59:00Z'); // 23:59 in Seoul: still the same evening
    await expect(runReminders()).resolves.toEqual({ date: TOMORROW, reminded: 2 });

    expect(sink.received.map((mail) => mail.to).sort()).toEqual(['joon@example.com', 'mina@example.com']);
    expect(await email.getJob(`email-reminder-${TOMORROW}-${mina.user.id}`)).not.toBeNull();
  });

  it('counts tomorrow in the gym’s time zone: at 23:30 UTC it is already the next morning in Seoul', async () => {
    const mina = await member('mina');
    const seoulTomorrow = await newLesson(app, { startDate: DAY_AFTER, type: LessonType.Swim, startTime: '06:00', endTime: '07:00' });
    const utcTomorrow = await newLesson(app, { startDate: TOMORROW, type: LessonType.Yoga, startTime: '19:00', endTime: '20:00' });
    await book(mina, seoulTomorrow.id);
    await book(mina, utcTomorrow.id);
    clock.set(`${TODAY}T23:30:00Z`); // 08:30 on 2030-01-11 in Seoul

    await expect(runReminders()).resolves.toEqual({ date: DAY_AFTER, reminded: 1 });
    expect(sink.received).toHaveLength(1);
    expect(lines(sink.received[0].text)).toEqual(['- Swim, Seoul, 06:00-07:00']);
  });

  it('reads the bookings in keyset batches, never a statement per member, each member whole across batches', async () => {
    const people = [await member('ara'), await member('bo'), await member('cy')];
    const lessons = [];
    for (const startTime of ['07:00', '09:00', '11:00'])
      lessons.push(await newLesson(app, { startDate: TOMORROW, startTime, endTime: '23:00' }));
    for (const lesson of lessons) await book(people[0], lesson.id);
    await book(people[1], lessons[1].id);
    await book(people[2], lessons[0].id);
    await book(people[2], lessons[2].id);

    const reader = worker.get(MemberDayBookingsReader);
    const batched = await captureQueries(async () => {
      const members = [];
      for await (const one of reader.membersBookedOn(TOMORROW, 2)) members.push(one);
      return members;
    });
    // 6 rows in batches of 2: three full batches and the empty one that ends the walk
    expect(batched.count).toBe(4);
    expect(batched.result.map((one) => ({ userId: one.userId, starts: one.lessons.map((lesson) => lesson.startTime) }))).toEqual([
      { userId: people[0].user.id, starts: ['07:00', '09:00', '11:00'] },
      { userId: people[1].user.id, starts: ['09:00'] },
      { userId: people[2].user.id, starts: ['07:00', '11:00'] },
    ]);

    startConsumers();
    const run = await captureQueries(() => worker.get(BookingRemindersService).remindTomorrow());
    expect(run.result).toEqual({ date: TOMORROW, reminded: 3 });
    expect(run.count).toBe(1);
    await Promise.all((await email.getJobs(['waiting', 'active', 'delayed'])).map((mailing) => mailing.finished()));
  });
});
