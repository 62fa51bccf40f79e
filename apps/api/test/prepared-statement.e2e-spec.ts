import type { INestApplication } from '@nestjs/common';
import { TableNotFoundException } from '@mikro-orm/core';
import { captureQueries, executePrepared } from '@app/core';
import { createTestApp, forkEm, newMember, resetDatabase } from '@app/testing';

describe('executePrepared: hot reads as prepared statements on the ORM pool (e2e)', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
    await resetDatabase(app);
  });
  afterAll(() => app.close());

  it('answers rows as the ORM connection reads them (dates as UTC text) and counts the statement', async () => {
    const member = await newMember(app);
    const em = forkEm(app);
    const { result, statements } = await captureQueries(() =>
      executePrepared<{ id: number; username: string; createdAt: string }>(
        em,
        'select id, username, created_at as createdAt from `user` where id = ?',
        [member.user.id],
      ),
    );

    expect(result).toEqual([
      { id: member.user.id, username: member.user.username, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) },
    ]);
    expect(statements).toEqual(['select id, username, created_at as createdAt from `user` where id = ?']);
  });

  it("inside a transaction, runs on the transaction's connection and sees what it wrote", async () => {
    const member = await newMember(app);
    const seen = await forkEm(app).transactional(async (em) => {
      await em.execute('update `user` set phone_number = ? where id = ?', ['010-9999-0000', member.user.id]);
      return executePrepared<{ phone: string }>(em, 'select phone_number as phone from `user` where id = ?', [member.user.id]);
    });
    expect(seen).toEqual([{ phone: '010-9999-0000' }]);
  });

  it("throws the ORM's exception for a failed statement, as a query through the ORM would", async () => {
    await expect(executePrepared(forkEm(app), 'select * from no_such_table where id = ?', [1])).rejects.toBeInstanceOf(
      TableNotFoundException,
    );
  });
});
