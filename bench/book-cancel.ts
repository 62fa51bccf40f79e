/**
 * The booking load: every autocannon connection is one member (its own token) that books the bench
 * lesson, then cancels that booking, over and over. With fresh members holding enough credit and
 * a lesson 20 days ahead (full refund), every booking should answer 201 and every cancel 200; the
 * status codes are counted per request kind to show it. A cancel is only sent for a booking that
 * answered 201; otherwise it is skipped (counted) and the connection books again. Between passes
 * `releaseSeats` cancels what the previous pass left booked, so the same members can go again.
 */
import autocannon, { type Request as AutocannonRequest } from 'autocannon';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { expectStatus, http } from './client';
import { type LoadSettings, type Measurement, measured, type Watched, warmUp } from './load';
import type { Member } from './members';
import { waitForIdle } from './proc-cpu';

/** Status codes answered, by code, for one kind of request. */
export type StatusCounts = Record<string, number>;

export interface BookAndCancelCounts {
  book: StatusCounts;
  cancel: StatusCounts;
  /** Cancels not sent because their booking did not answer 201. */
  cancelsSkipped: number;
}

interface PairContext {
  reservationId?: number;
}

const count = (counts: StatusCounts, status: number) => {
  counts[status] = (counts[status] ?? 0) + 1;
};

/** Runs the book-then-cancel loop with one member per connection (`members[i]` for connection i). */
export async function bookAndCancel(
  port: number,
  settings: LoadSettings,
  lessonId: number,
  members: Member[],
): Promise<{ result: autocannon.Result; counts: BookAndCancelCounts }> {
  if (members.length < settings.connections)
    throw new Error(`book and cancel needs a member per connection: ${members.length} for ${settings.connections}`);
  const counts: BookAndCancelCounts = { book: {}, cancel: {}, cancelsSkipped: 0 };
  const headers = { 'content-type': 'application/json' };
  let nextClient = 0;
  const book: AutocannonRequest = {
    method: 'POST',
    path: `/lessons/${lessonId}/reservations`,
    onResponse: (status, body, context: PairContext) => {
      count(counts.book, status);
      context.reservationId = status === 201 ? (JSON.parse(body) as { id: number }).id : undefined;
    },
  };
  const cancel: AutocannonRequest = {
    method: 'DELETE',
    setupRequest: (request, context: PairContext) => {
      if (context.reservationId !== undefined) return { ...request, path: `/reservations/${context.reservationId}` };
      counts.cancelsSkipped++;
      // a falsy answer makes autocannon skip this request and start the sequence again (documented)
      return null as unknown as AutocannonRequest;
    },
    onResponse: (status) => count(counts.cancel, status),
  };
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: settings.connections,
    duration: settings.seconds,
    headers,
    requests: [book, cancel],
    setupClient: (client) => client.setHeaders({ ...headers, authorization: `Bearer ${members[nextClient++].token}` }),
  });
  return { result, counts };
}

/**
 * Cancels, through the API, every booking the members still hold on the lesson: a pass that ends
 * (or a request whose answer autocannon dropped) between a book and its cancel leaves one.
 * Call it once the API is idle. Returns how many it cancelled.
 */
export async function releaseSeats(port: number, db: Connection, lessonId: number, members: Member[]): Promise<number> {
  const tokens = new Map(members.map((member) => [member.id, member.token]));
  const [held] = await db.query<RowDataPacket[]>('select id, user_id as userId from reservation where lesson_id = ? and active_flag = 1', [
    lessonId,
  ]);
  for (const { id, userId } of held) {
    const token = tokens.get(Number(userId));
    if (!token) throw new Error(`reservation ${id} on the bench lesson belongs to user ${userId}, not to a bench member`);
    expectStatus(`release reservation ${id}`, 200, await http(port, 'DELETE', `/reservations/${id}`, token));
  }
  return held.length;
}

/** A warm-up pass, the seats it left released, then a measured pass with the same members. */
export async function warmThenMeasurePair(
  port: number,
  settings: LoadSettings,
  pair: { lessonId: number; members: Member[] },
  db: Connection,
  watched: Watched,
): Promise<Measurement & { counts: BookAndCancelCounts; releasedAfterWarmUp: number }> {
  await bookAndCancel(port, warmUp(settings), pair.lessonId, pair.members);
  await waitForIdle(watched.server);
  const releasedAfterWarmUp = await releaseSeats(port, db, pair.lessonId, pair.members);
  return { ...(await measured(watched, () => bookAndCancel(port, settings, pair.lessonId, pair.members))), releasedAfterWarmUp };
}
