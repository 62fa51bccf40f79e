import { AuditLog } from '@app/identity';
import { FakeClock, forkEm, type Member, newMember, newStaff, useTestApp } from '@app/testing';

/** The audit log as `GET /audit` reads it; the staff routes' own tests show each change lands in it. */
describe('The audit log, GET /audit (e2e)', () => {
  const clock = new FakeClock('2030-01-10T01:00:00Z');
  const { app, http } = useTestApp({ clock });

  async function record(actor: Member, action: string, entity: string, entityId: number | null, reason: string | null = null) {
    const em = forkEm(app);
    await em.transactional(async (tx) => {
      app.get(AuditLog).record(tx, actor.user.id, { action, entity, entityId, before: { n: 1 }, after: { n: 2 }, reason });
    });
  }
  const page = async (staff: Member, query: Record<string, string | number> = {}) =>
    (await http.get('/audit').query(query).set('Authorization', staff.auth).expect(200)).body;

  it('pages the entries newest first, filtered by actor or by record, each with its actor', async () => {
    const [alice, bob] = [await newStaff(app), await newStaff(app)];
    await record(alice, 'lesson.update', 'lesson', 7, 'more room');
    await record(bob, 'lesson.cancel', 'lesson', 7, 'pool closed');
    await record(alice, 'credit.grant', 'credit', 3);
    await record(alice, 'order-list.import', 'order-list', null);

    const first = await page(alice, { limit: 3 });
    expect(first.items.map((item: { action: string }) => item.action)).toEqual(['order-list.import', 'credit.grant', 'lesson.cancel']);
    expect(first.items[2]).toEqual({
      id: expect.any(Number),
      actor: { id: bob.user.id, username: bob.user.username },
      action: 'lesson.cancel',
      entity: 'lesson',
      entityId: 7,
      before: { n: 1 },
      after: { n: 2 },
      reason: 'pool closed',
      createdAt: '2030-01-10T01:00:00.000Z',
    });
    const second = await page(alice, { limit: 3, cursor: first.nextCursor });
    expect(second).toEqual({ items: [expect.objectContaining({ action: 'lesson.update' })], nextCursor: null });

    expect((await page(alice, { actorId: bob.user.id })).items.map((item: { action: string }) => item.action)).toEqual(['lesson.cancel']);
    expect((await page(alice, { entity: 'lesson', entityId: 7 })).items.map((item: { action: string }) => item.action)).toEqual([
      'lesson.cancel',
      'lesson.update',
    ]);
    expect((await page(alice, { entity: 'credit' })).items).toHaveLength(1);
  });

  it('is for staff only, refuses bad filters, and no one can change an entry', async () => {
    const [staff, member] = [await newStaff(app), await newMember(app)];
    await record(staff, 'lesson.update', 'lesson', 1);
    expect((await http.get('/audit').set('Authorization', member.auth).expect(403)).body.code).toBe('FORBIDDEN');
    await http.get('/audit').expect(401);
    for (const query of [{ actorId: 'x' }, { entity: 'DROP TABLE' }, { limit: 0 }])
      expect((await http.get('/audit').query(query).set('Authorization', staff.auth).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await expect(forkEm(app).execute("update audit_entry set reason = 'rewritten'")).rejects.toThrow('audit entries cannot be changed');
    expect((await page(staff)).items[0].reason).toBeNull();
  });
});
