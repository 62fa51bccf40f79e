/**
 * Child process for bench/adapters/run.ts: `GET /ping` and `GET /lessons/:id` (the lesson and its
 * reservations with their members, the same SQL and answer as bench/floor-server.ts) through one
 * mysql2 pool. ADAPTER=express|fastify hosts them in a minimal Nest app (ValidationPipe, no logger);
 * ADAPTER=node on a bare node:http server, the baseline without any framework.
 */
import 'reflect-metadata';
import {
  Controller,
  Get,
  Inject,
  Module,
  NotFoundException,
  Param,
  ParseIntPipe,
  ValidationPipe,
  type INestApplication,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { createServer } from 'node:http';
import type { Pool } from 'mysql2/promise';
import { benchPool, loadLessonDetail } from '../lesson-detail.sql';

const POOL = Symbol('POOL');
const pool = benchPool();

@Controller()
class BenchController {
  constructor(@Inject(POOL) private readonly db: Pool) {}

  @Get('ping')
  ping(): { ok: true } {
    return { ok: true };
  }

  @Get('lessons/:id')
  async lesson(@Param('id', ParseIntPipe) id: number): Promise<object> {
    const lesson = await loadLessonDetail(this.db, id);
    if (!lesson) throw new NotFoundException();
    return lesson;
  }
}

@Module({ controllers: [BenchController], providers: [{ provide: POOL, useValue: pool }] })
class BenchModule {}

async function listenNest(adapter: ExpressAdapter | FastifyAdapter, port: number): Promise<() => Promise<void>> {
  const app: INestApplication = await NestFactory.create(BenchModule, adapter, { logger: false });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(port, '127.0.0.1');
  return () => app.close();
}

function listenNode(port: number): Promise<() => Promise<void>> {
  const server = createServer((req, res) => {
    const send = (status: number, body?: unknown) =>
      body === undefined
        ? res.writeHead(status).end()
        : res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/ping') return send(200, { ok: true });
    const match = /^\/lessons\/(\d+)$/.exec(req.url ?? '');
    if (!match) return send(404);
    loadLessonDetail(pool, Number(match[1])).then(
      (lesson) => send(lesson ? 200 : 404, lesson ?? undefined),
      (error: unknown) => send(500, { error: String(error) }),
    );
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve(() => new Promise<void>((done) => server.close(() => done())))),
  );
}

async function main(): Promise<void> {
  const adapter = process.env.ADAPTER ?? 'express';
  const port = Number(process.env.PORT ?? 8110);
  const close =
    adapter === 'node'
      ? await listenNode(port)
      : await listenNest(adapter === 'fastify' ? new FastifyAdapter() : adapter === 'express' ? new ExpressAdapter() : fail(adapter), port);
  process.once(
    'SIGTERM',
    () =>
      void close()
        .then(() => pool.end())
        .finally(() => process.exit(0)),
  );
  console.log(`${adapter} ready on ${port}`);
}

function fail(adapter: string): never {
  throw new Error(`unknown ADAPTER ${adapter} (express, fastify or node)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
