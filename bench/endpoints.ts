/** What `npm run bench` drives, by name (BENCH_ONLY=<substring> keeps the names that contain it). */
import type { DataIds } from './dataset';

export const PAIR = 'POST /lessons/:id/reservations + DELETE /reservations/:id';
export const EMAILS = 'POST /emails (enqueue)';
export const PURCHASE = 'POST /credits (purchase)';
export const PROMOTION = 'join waitlist + cancel → promotion (+ GET /lessons/:id)';
export const EMAIL_BODY = { recipients: ['a@example.com', 'b@example.com'], subject: 'Bench', body: 'Hi' };

/** A GET, as a demo member with a history (`demo0001`) or as the staff user. */
export interface Read {
  name: string;
  path: string;
  as: 'member' | 'admin';
}

export interface Endpoints {
  reads: Read[];
  pair: boolean;
  promotion: boolean;
  purchase: boolean;
  emails: boolean;
}

export function endpoints(ids: DataIds, only: string | undefined): Endpoints {
  const reads: Read[] = [
    // as staff, who see the whole roster (a member sees only their own records since issue 19)
    { name: 'GET /lessons/:id', path: `/lessons/${ids.busiestLessonId}`, as: 'admin' },
    { name: 'GET /users/me', path: '/users/me', as: 'member' },
    { name: 'GET /feeds (first page)', path: '/feeds', as: 'member' },
    { name: 'GET /feeds (10,000 deep)', path: `/feeds?cursor=${ids.deepFeedCursor}`, as: 'member' },
    { name: 'GET /polls', path: '/polls', as: 'member' },
    { name: 'GET /cars/:id/release-sheet', path: `/cars/${ids.releaseSheet.carId}/release-sheet?ymd=${ids.releaseSheet.ymd}`, as: 'admin' },
  ];
  const wanted = (name: string) => !only || name.toLowerCase().includes(only.toLowerCase());
  const selected = {
    reads: reads.filter((read) => wanted(read.name)),
    pair: wanted(PAIR),
    promotion: wanted(PROMOTION),
    purchase: wanted(PURCHASE),
    emails: wanted(EMAILS),
  };
  if (!selected.reads.length && !selected.pair && !selected.promotion && !selected.purchase && !selected.emails)
    throw new Error(
      `BENCH_ONLY=${only} matches none of: ${[...reads.map((read) => read.name), PAIR, PROMOTION, PURCHASE, EMAILS].join(', ')}`,
    );
  return selected;
}
