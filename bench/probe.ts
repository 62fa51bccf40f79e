/**
 * The development-mode pass: the API once with X-Query-Count, to read each endpoint's statements
 * per request from one probe (which must succeed), and to set up what the load needs: tokens, the
 * lesson the pair books (20 days ahead, so a cancel refunds in full), fresh members for it and a
 * fresh buyer for `POST /credits`.
 */
import { expectStatus, http, login } from './client';
import { BENCH_LESSON_CAPACITY } from './dataset';
import { EMAIL_BODY, type Endpoints } from './endpoints';
import { gymDay, gymTimeZone } from './gym-day';
import { freshMembers, type Member } from './members';
import { openLane, probeCycle, type PromotionLane } from './waitlist-promotion';

export interface Fixtures {
  adminToken: string;
  /** `demo0001`, a seeded member with bookings, for the member reads. */
  memberToken: string;
  /** Statements per request by endpoint name. */
  statements: Map<string, number | null>;
  /** The booking pair, when selected: its lesson and a fresh member per connection. */
  pair?: { lessonId: number; members: Member[]; statements: { book: number | null; cancel: number | null } };
  /** The waitlist cycle, when selected: a lane per connection and the statements of join, cancel and read. */
  promotion?: { lanes: PromotionLane[]; statements: { join: number | null; cancel: number | null; read: number | null } };
  /** `POST /credits`, when selected: a fresh member buying the shortest policy from today, over and over. */
  purchase?: { token: string; body: { pricePolicyId: number; startDate: string }; statements: number | null };
  emailStatements: number | null;
}

interface PricePolicy {
  id: number;
  creditCount: number;
  periodDays: number;
}

const LESSON_DAYS_AHEAD = 20;

/** A 1-credit lesson `LESSON_DAYS_AHEAD` days ahead (a cancel refunds in full), and a purchase from today that covers it. */
async function benchLessonAndPurchase(port: number, adminToken: string, capacity: number) {
  const timeZone = await gymTimeZone(`http://127.0.0.1:${port}`);
  const isoDay = (offsetDays: number) => gymDay(new Date(), timeZone, offsetDays);
  const lesson = expectStatus(
    'create a bench lesson',
    201,
    await http<{ id: number }>(port, 'POST', '/lessons', adminToken, {
      gym: 'seoul',
      type: 'yoga',
      creditCount: 1,
      maxCapacity: capacity,
      startDate: isoDay(LESSON_DAYS_AHEAD),
      startTime: '20:00',
      endTime: '21:00',
    }),
  ).json;
  // the longest purchase: it must still run on the lesson's day
  const policy = (await http<PricePolicy[]>(port, 'GET', '/price-policies')).json
    .filter((candidate) => candidate.creditCount >= 1 && candidate.periodDays > LESSON_DAYS_AHEAD + 1)
    .sort((a, b) => b.periodDays - a.periodDays)[0];
  if (!policy) throw new Error(`no price policy runs longer than ${LESSON_DAYS_AHEAD + 1} days`);
  return { lessonId: lesson.id, purchase: { pricePolicyId: policy.id, startDate: isoDay(0) } };
}

async function pairFixtures(port: number, adminToken: string, connections: number, runId: string): Promise<NonNullable<Fixtures['pair']>> {
  const { lessonId, purchase } = await benchLessonAndPurchase(port, adminToken, BENCH_LESSON_CAPACITY);
  const lesson = { id: lessonId };
  const members = await freshMembers(port, `bench-${runId}`, connections, purchase);
  const prober = members[0].token; // books and cancels: holds no booking afterwards
  const booking = expectStatus(
    'probe: book the bench lesson',
    201,
    await http<{ id: number }>(port, 'POST', `/lessons/${lesson.id}/reservations`, prober),
  );
  const cancel = expectStatus('probe: cancel that booking', 200, await http(port, 'DELETE', `/reservations/${booking.json.id}`, prober));
  return {
    lessonId: lesson.id,
    members,
    statements: { book: booking.statements, cancel: cancel.statements },
  };
}

/** One lane per connection for the waitlist load: a one-seat lesson, its holder and a member to wait. */
async function promotionFixtures(
  port: number,
  adminToken: string,
  connections: number,
  runId: string,
): Promise<NonNullable<Fixtures['promotion']>> {
  const lanes: PromotionLane[] = [];
  for (let i = 0; i < connections; i++) {
    const { lessonId, purchase } = await benchLessonAndPurchase(port, adminToken, 1);
    const [holder, waiter] = await freshMembers(port, `bench-${runId}-lane${i + 1}`, 2, purchase);
    lanes.push(await openLane(port, lessonId, [holder!, waiter!]));
  }
  const statements = await probeCycle(port, lanes[0]!);
  return { lanes, statements };
}

async function purchaseFixture(port: number, runId: string): Promise<NonNullable<Fixtures['purchase']>> {
  const today = gymDay(new Date(), await gymTimeZone(`http://127.0.0.1:${port}`));
  const [policy] = (await http<PricePolicy[]>(port, 'GET', '/price-policies')).json.sort((a, b) => a.periodDays - b.periodDays);
  if (!policy) throw new Error('no price policy to buy');
  const body = { pricePolicyId: policy.id, startDate: today };
  const [buyer] = await freshMembers(port, `bench-${runId}-buyer`, 1, body);
  const probe = expectStatus('probe: POST /credits', 201, await http(port, 'POST', '/credits', buyer!.token, body));
  return { token: buyer!.token, body, statements: probe.statements };
}

export async function developmentPass(
  port: number,
  selected: Endpoints,
  adminPassword: string,
  connections: number,
  runId: string,
): Promise<Fixtures> {
  const adminToken = await login(port, 'admin', adminPassword);
  const memberToken = await login(port, 'demo0001', 'demo-password');
  const statements = new Map<string, number | null>();
  for (const read of selected.reads) {
    const answer = expectStatus(
      `probe: ${read.name}`,
      200,
      await http<unknown>(port, 'GET', read.path, read.as === 'admin' ? adminToken : memberToken),
    );
    statements.set(read.name, answer.statements);
    const rows = (answer.json as { rows?: unknown[] }).rows;
    if (read.name.includes('release-sheet') && !rows?.length) throw new Error(`probe: ${read.path} answered an empty sheet`);
  }
  const pair = selected.pair ? await pairFixtures(port, adminToken, connections, runId) : undefined;
  const promotion = selected.promotion ? await promotionFixtures(port, adminToken, connections, runId) : undefined;
  const purchase = selected.purchase ? await purchaseFixture(port, runId) : undefined;
  const emailStatements = selected.emails
    ? expectStatus('probe: POST /emails', 202, await http(port, 'POST', '/emails', adminToken, EMAIL_BODY)).statements
    : null;
  return { adminToken, memberToken, statements, pair, promotion, purchase, emailStatements };
}
