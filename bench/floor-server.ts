/**
 * The floor for comparison: the same `GET /lessons/:id` answer as the API (the lesson and its
 * reservation records with their members), from hand-written SQL through the same driver (mysql2)
 * on a bare `node:http` server. No framework, no ORM, no auth.
 */
import { createServer } from 'node:http';
import { createPool, type RowDataPacket } from 'mysql2/promise';

const url = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/gym_bench');
const pool = createPool({ host: url.hostname, port: Number(url.port || 3306), user: url.username || 'root', password: url.password, database: url.pathname.slice(1), connectionLimit: 10 });

const server = createServer((req, res) => {
  const match = /^\/lessons\/(\d+)$/.exec(req.url ?? '');
  if (!match) {
    res.writeHead(404).end();
    return;
  }
  void (async () => {
    const [lessons] = await pool.query<RowDataPacket[]>(
      `select id, gym, type, credit_count as creditCount, max_capacity as maxCapacity, reserved_count as reservedCount,
              date_format(start_date, '%Y-%m-%d') as startDate, start_time as startTime, end_time as endTime
         from lesson where id = ?`,
      [Number(match[1])],
    );
    if (lessons.length === 0) {
      res.writeHead(404).end();
      return;
    }
    const [rows] = await pool.query<RowDataPacket[]>(
      `select r.id, r.type, r.created_at as createdAt, u.id as userId, u.username
         from reservation r join user u on u.id = r.user_id where r.lesson_id = ? order by r.created_at, r.id`,
      [Number(match[1])],
    );
    const body = {
      ...lessons[0],
      reservations: rows.map((row) => ({ id: row.id, type: row.type, createdAt: (row.createdAt as Date).toISOString(), user: { id: row.userId, username: row.username } })),
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  })().catch((error: unknown) => {
    res.writeHead(500).end(String(error));
  });
});

server.listen(Number(process.env.PORT ?? 8102), '127.0.0.1', () => console.log('floor ready'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
