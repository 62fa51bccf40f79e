/**
 * The floor's `GET /lessons/:id`: the lesson and its reservation records with their members, from
 * hand-written SQL through mysql2, shaped like the API's answer. Shared by the floor server and
 * the adapter bench, so both compare against the same work.
 */
import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';

/** A mysql2 pool on DATABASE_URL (the bench database by default), 10 connections like the API's. */
export function benchPool(): Pool {
  const url = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/gym_bench');
  return createPool({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: url.username || 'root',
    password: url.password,
    database: url.pathname.slice(1),
    connectionLimit: 10,
  });
}

/** The lesson with its roster, or null when there is no such lesson: two statements. */
export async function loadLessonDetail(db: Pool, id: number): Promise<object | null> {
  const [lessons] = await db.query<RowDataPacket[]>(
    `select id, gym, type, credit_count as creditCount, max_capacity as maxCapacity, reserved_count as reservedCount,
            date_format(start_date, '%Y-%m-%d') as startDate, start_time as startTime, end_time as endTime
       from lesson where id = ?`,
    [id],
  );
  if (lessons.length === 0) return null;
  const [rows] = await db.query<RowDataPacket[]>(
    `select r.id, r.type, r.created_at as createdAt, u.id as userId, u.username
       from reservation r join user u on u.id = r.user_id where r.lesson_id = ? order by r.created_at, r.id`,
    [id],
  );
  const reservations = rows.map((row) => ({
    id: row.id,
    type: row.type,
    createdAt: (row.createdAt as Date).toISOString(),
    user: { id: row.userId, username: row.username },
  }));
  return { ...lessons[0], reservations };
}
