/**
 * The waitlist load: every autocannon connection owns one lesson of one seat and two members, one
 * holding the seat and one not. A cycle is the waiting member joining the waitlist (201), the
 * holder cancelling (200, which books the waiting member into the freed seat in the same
 * transaction), and the promoted member reading the lesson (200, whose `myBooking` is their new
 * booking); then the two swap roles. The lesson is 20 days ahead, so each cancel refunds in full and
 * each promotion charges as a booking: the members' credit stays level whatever the cycle count.
 */
import autocannon, { type Request as AutocannonRequest } from 'autocannon';
import { expectStatus, http } from './client';
import { type LoadSettings, type Measurement, measured, type Watched, warmUp } from './load';
import type { Member } from './members';
import { waitForIdle } from './proc-cpu';
import type { StatusCounts } from './book-cancel';

/** One connection's lesson and members; `holder` indexes `members`, `reservationId` is the holder's booking. */
export interface PromotionLane {
  lessonId: number;
  members: [Member, Member];
  holder: 0 | 1;
  reservationId: number;
}

export interface PromotionCounts {
  join: StatusCounts;
  cancel: StatusCounts;
  read: StatusCounts;
  /** Cycles that found no promoted booking to go on with (their lane stops). */
  stalled: number;
}

const LANE_HEADER = 'x-bench-lane';

const count = (counts: StatusCounts, status: number) => {
  counts[status] = (counts[status] ?? 0) + 1;
};

/** Sets up a lane: the first member books the lesson and holds it. */
export async function openLane(port: number, lessonId: number, members: [Member, Member]): Promise<PromotionLane> {
  const booking = expectStatus(
    'book a waitlist lane',
    201,
    await http<{ id: number }>(port, 'POST', `/lessons/${lessonId}/reservations`, members[0].token),
  );
  return { lessonId, members, holder: 0, reservationId: booking.json.id };
}

/**
 * One cycle through the API outside the load (the development pass's probe): answers the
 * statements of each request, and leaves the lane with its roles swapped.
 */
export async function probeCycle(
  port: number,
  lane: PromotionLane,
): Promise<{ join: number | null; cancel: number | null; read: number | null }> {
  const waiter = lane.members[1 - lane.holder];
  const join = expectStatus('probe: join the waitlist', 201, await http(port, 'POST', `/lessons/${lane.lessonId}/waitlist`, waiter.token));
  const cancel = expectStatus(
    'probe: cancel, promoting',
    200,
    await http(port, 'DELETE', `/reservations/${lane.reservationId}`, lane.members[lane.holder].token),
  );
  const read = expectStatus(
    'probe: the promoted member reads the lesson',
    200,
    await http<{ myBooking: number | null }>(port, 'GET', `/lessons/${lane.lessonId}`, waiter.token),
  );
  if (read.json.myBooking === null) throw new Error(`probe: lesson ${lane.lessonId}: the waiting member was not promoted`);
  lane.holder = (1 - lane.holder) as 0 | 1;
  lane.reservationId = read.json.myBooking;
  return { join: join.statements, cancel: cancel.statements, read: read.statements };
}

/** Runs the cycle with one lane per connection (`lanes[i]` for connection i); the lanes keep their state across passes. */
export async function promotionLoop(
  port: number,
  settings: LoadSettings,
  lanes: PromotionLane[],
): Promise<{ result: autocannon.Result; counts: PromotionCounts }> {
  if (lanes.length < settings.connections) throw new Error(`the waitlist load needs a lane per connection: ${lanes.length}`);
  const counts: PromotionCounts = { join: {}, cancel: {}, read: {}, stalled: 0 };
  let nextClient = 0;
  // autocannon resets a sequence's context at each loop: the lane, found by a header its client
  // sends, carries who holds the seat from one cycle to the next
  const laneIndex = (request: AutocannonRequest) => Number((request.headers as Record<string, string>)[LANE_HEADER]);
  const laneOf = (request: AutocannonRequest) => lanes[laneIndex(request)];
  const as = (request: AutocannonRequest, member: Member, path: string): AutocannonRequest => ({
    ...request,
    path,
    headers: { ...request.headers, authorization: `Bearer ${member.token}` },
  });
  const join: AutocannonRequest = {
    method: 'POST',
    setupRequest: (request) => {
      const lane = laneOf(request);
      if (!lane) return request; // built once before setupClient gives the client its lane
      return as(request, lane.members[1 - lane.holder], `/lessons/${lane.lessonId}/waitlist`);
    },
    onResponse: (status) => count(counts.join, status),
  };
  const cancel: AutocannonRequest = {
    method: 'DELETE',
    setupRequest: (request) => {
      const lane = laneOf(request);
      if (!lane) return request;
      return as(request, lane.members[lane.holder], `/reservations/${lane.reservationId}`);
    },
    onResponse: (status) => count(counts.cancel, status),
  };
  const read: AutocannonRequest = {
    method: 'GET',
    setupRequest: (request, context: { lane?: number }) => {
      const lane = laneOf(request);
      if (!lane) return request;
      context.lane = laneIndex(request);
      return as(request, lane.members[1 - lane.holder], `/lessons/${lane.lessonId}`);
    },
    onResponse: (status, body, context: { lane?: number }) => {
      count(counts.read, status);
      const lane = context.lane === undefined ? undefined : lanes[context.lane];
      const promoted = status === 200 ? (JSON.parse(body) as { myBooking: number | null }).myBooking : null;
      if (!lane || promoted === null) {
        counts.stalled++;
        return;
      }
      lane.holder = (1 - lane.holder) as 0 | 1;
      lane.reservationId = promoted;
    },
  };
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: settings.connections,
    duration: settings.seconds,
    headers: { 'content-type': 'application/json' },
    requests: [join, cancel, read],
    setupClient: (client) => client.setHeaders({ 'content-type': 'application/json', [LANE_HEADER]: String(nextClient++) }),
  });
  return { result, counts };
}

/**
 * Puts every lane back in order through the API after a pass that ended mid-cycle: who holds the
 * seat (their `myBooking`), and the other member out of the queue. Call it once the API is idle.
 * Returns how many lanes needed it.
 */
export async function settleLanes(port: number, lanes: PromotionLane[]): Promise<number> {
  let settled = 0;
  for (const lane of lanes) {
    const before = `${lane.holder}:${lane.reservationId}`;
    for (const [index, member] of lane.members.entries()) {
      const { json } = expectStatus(
        'settle: read the lane',
        200,
        await http<{ myBooking: number | null }>(port, 'GET', `/lessons/${lane.lessonId}`, member.token),
      );
      if (json.myBooking === null) continue;
      lane.holder = index as 0 | 1;
      lane.reservationId = json.myBooking;
    }
    const waiter = lane.members[1 - lane.holder];
    const entries = expectStatus(
      'settle: the waiting member',
      200,
      await http<{ id: number; lesson: { id: number }; status: string }[]>(port, 'GET', '/users/me/waitlist', waiter.token),
    ).json;
    for (const entry of entries.filter((candidate) => candidate.status === 'waiting' && candidate.lesson.id === lane.lessonId)) {
      expectStatus('settle: leave the queue', 204, await http(port, 'DELETE', `/waitlist/${entry.id}`, waiter.token));
      settled++;
    }
    if (`${lane.holder}:${lane.reservationId}` !== before) settled++;
  }
  return settled;
}

/** A warm-up pass, the lanes settled, then a measured pass on the same lanes. */
export async function warmThenMeasurePromotion(
  port: number,
  settings: LoadSettings,
  lanes: PromotionLane[],
  watched: Watched,
): Promise<Measurement & { counts: PromotionCounts; settledAfterWarmUp: number }> {
  await promotionLoop(port, warmUp(settings), lanes);
  await waitForIdle(watched.server);
  const settledAfterWarmUp = await settleLanes(port, lanes);
  return { ...(await measured(watched, () => promotionLoop(port, settings, lanes))), settledAfterWarmUp };
}
