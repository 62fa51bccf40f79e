import request from 'supertest';
import { User } from '@app/identity';
import { forkEm, type Member, newMember, newStaff, useTestApp } from '@app/testing';

/** DELETE /feeds/:id: by the author or staff, with likes and joins, out of every list; staff removals audited. */
describe('Removing a feed item, DELETE /feeds/:id (e2e)', () => {
  const { app, http } = useTestApp();

  const post = async (member: Member, title = 'Morning run') =>
    (await http.post('/feeds/posts').set('Authorization', member.auth).send({ title, body: '5 km' }).expect(201)).body.id as number;
  const game = async (member: Member) =>
    (await http.post('/feeds/games').set('Authorization', member.auth).send({ gameName: 'Futsal', gameLocation: 'Mapo' }).expect(201)).body
      .id as number;
  const remove = (member: Member, id: number) => http.delete(`/feeds/${id}`).set('Authorization', member.auth);
  const ids = (res: request.Response): number[] => res.body.items.map((item: { id: number }) => item.id);
  const auditOf = async (staff: Member, id: number) =>
    (await http.get('/audit').query({ entity: 'feed', entityId: id }).set('Authorization', staff.auth).expect(200)).body.items;
  const reactionRows = async (id: number) => {
    const [row] = await forkEm(app).execute<{ likes: number; joins: number }[]>(
      'select (select count(*) from feed_like where feed_id = ?) as likes, (select count(*) from feed_join where feed_id = ?) as joins',
      [id, id],
    );
    return { likes: Number(row.likes), joins: Number(row.joins) };
  };

  it("lets staff remove a member's item with its likes and joins, from pages and detail, recorded in the audit log", async () => {
    const [author, fan, staff] = [await newMember(app), await newMember(app), await newStaff(app)];
    const [older, target, newer] = [await post(author, 'Older'), await game(author), await post(author, 'Newer')];
    await http.post(`/feeds/${target}/like`).set('Authorization', fan.auth).expect(200);
    await http.post(`/feeds/${target}/join`).set('Authorization', fan.auth).expect(200);
    expect(await reactionRows(target)).toEqual({ likes: 1, joins: 1 });

    await remove(staff, target).expect(204, '');

    expect(ids(await http.get('/feeds').set('Authorization', fan.auth).expect(200))).toEqual([newer, older]);
    expect(ids(await http.get('/feeds').query({ type: 'game' }).set('Authorization', fan.auth).expect(200))).toEqual([]);
    const first = await http.get('/feeds').query({ limit: 1 }).set('Authorization', fan.auth).expect(200);
    const second = await http.get('/feeds').query({ limit: 1, cursor: first.body.nextCursor }).set('Authorization', fan.auth).expect(200);
    expect([...ids(first), ...ids(second)]).toEqual([newer, older]);
    expect((await http.get(`/feeds/${target}`).set('Authorization', fan.auth).expect(404)).body.code).toBe('NOT_FOUND');
    expect(await reactionRows(target)).toEqual({ likes: 0, joins: 0 });
    expect((await http.post(`/feeds/${target}/like`).set('Authorization', fan.auth).expect(404)).body.code).toBe('NOT_FOUND');

    expect(await auditOf(staff, target)).toEqual([
      expect.objectContaining({
        actor: { id: staff.user.id, username: staff.user.username },
        action: 'feed.delete',
        entity: 'feed',
        entityId: target,
        before: { type: 'game', title: 'Futsal', authorId: author.user.id },
        after: null,
        reason: null,
      }),
    ]);
  });

  it('lets the author remove their own item, without an audit entry; staff removing their own item are recorded', async () => {
    const [author, staff] = [await newMember(app), await newStaff(app)];
    const mine = await post(author);
    await remove(author, mine).expect(204);
    await http.get(`/feeds/${mine}`).set('Authorization', author.auth).expect(404);
    expect(await auditOf(staff, mine)).toEqual([]);

    const staffs = await post(staff, 'Pool closed on Monday');
    await remove(staff, staffs).expect(204);
    expect((await auditOf(staff, staffs)).map((entry: { before: unknown }) => entry.before)).toEqual([
      { type: 'post', title: 'Pool closed on Monday', authorId: staff.user.id },
    ]);
  });

  it("refuses another member's item with 403 FORBIDDEN (staff rights read from the database), an unknown one with 404", async () => {
    const [author, other, demoted] = [await newMember(app), await newMember(app), await newStaff(app)];
    const id = await post(author);
    expect((await remove(other, id).expect(403)).body.code).toBe('FORBIDDEN');
    // the token still says staff; the database no longer does
    await forkEm(app).nativeUpdate(User, { id: demoted.user.id }, { isStaff: false });
    expect((await remove(demoted, id).expect(403)).body.code).toBe('FORBIDDEN');
    await http.get(`/feeds/${id}`).set('Authorization', author.auth).expect(200);

    expect((await remove(author, 999_999).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await remove(author, id).expect(204)).status).toBe(204);
    expect((await remove(author, id).expect(404)).body.code).toBe('NOT_FOUND');
    await http.delete(`/feeds/${id}`).expect(401);
  });
});
