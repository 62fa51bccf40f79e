/**
 * The floor for comparison: the same `GET /lessons/:id` answer as the API (the lesson and its
 * reservation records with their members), from hand-written SQL through the same driver (mysql2)
 * on a bare `node:http` server. No framework, no ORM, no auth.
 */
import { createServer } from 'node:http';
import { benchPool, loadLessonDetail } from './lesson-detail.sql';

const pool = benchPool();

const server = createServer((req, res) => {
  const match = /^\/lessons\/(\d+)$/.exec(req.url ?? '');
  if (!match) {
    res.writeHead(404).end();
    return;
  }
  loadLessonDetail(pool, Number(match[1])).then(
    (body) => (body ? res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)) : res.writeHead(404).end()),
    (error: unknown) => res.writeHead(500).end(String(error)),
  );
});

server.listen(Number(process.env.PORT ?? 8102), '127.0.0.1', () => console.log('floor ready'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
