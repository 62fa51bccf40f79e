import { RequestContext } from '@mikro-orm/core';
import request from 'supertest';
import { captureQueries } from '@app/core';
import { FeedService, Game, Post, Team } from '@app/feed';
import { forkEm, type Member, newMember, resetDatabase, useTestApp } from '@app/testing';

describe('Feed (e2e)', () => {
  const { app, http } = useTestApp();

  const post = (member: Member, body = { title: 'Morning run', body: '5 km' }) =>
    http.post('/feeds/posts').set('Authorization', member.auth).send(body);
  const game = (member: Member) =>
    http.post('/feeds/games').set('Authorization', member.auth).send({ gameName: 'Futsal', gameLocation: 'Mapo' });
  const team = (member: Member) => http.post('/feeds/teams').set('Authorization', member.auth).send({ roomName: 'Sunday swimmers' });
  const ids = (res: request.Response): number[] => res.body.items.map((item: { id: number }) => item.id);

  describe('creating items', () => {
    it('creates a post, a game and a team, each with its own fields', async () => {
      const member = await newMember(app);
      const common = {
        id: expect.any(Number),
        createdAt: expect.any(String),
        author: { id: member.user.id, username: member.user.username },
        likeCount: 0,
        likedByMe: false,
        joinedCount: 0,
        joinedByMe: false,
      };
      expect((await post(member).expect(201)).body).toEqual({ ...common, type: 'post', title: 'Morning run', body: '5 km' });
      expect((await game(member).expect(201)).body).toEqual({ ...common, type: 'game', gameName: 'Futsal', gameLocation: 'Mapo' });
      expect((await team(member).expect(201)).body).toEqual({ ...common, type: 'team', roomName: 'Sunday swimmers' });
    });

    it("refuses another type's fields and missing fields with 400", async () => {
      const member = await newMember(app);
      const mixed = await http.post('/feeds/posts').set('Authorization', member.auth).send({ title: 't', body: 'b', gameName: 'Futsal' });
      expect(mixed.status).toBe(400);
      expect(mixed.body.errors).toEqual([{ field: 'gameName', messages: ['property gameName should not exist'] }]);
      const missing = await http.post('/feeds/teams').set('Authorization', member.auth).send({ title: 'x' });
      expect(missing.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['roomName', 'title']);
      expect((await http.get('/feeds').set('Authorization', member.auth)).body.items).toEqual([]);
    });
  });

  describe('reading', () => {
    it('loads a mixed page as the right class per row, newest first, in one query', async () => {
      const member = await newMember(app);
      const created = [
        (await post(member)).body.id,
        (await game(member)).body.id,
        (await team(member)).body.id,
        (await post(member)).body.id,
      ];
      const service = app.get(FeedService);
      const { result, statements } = await captureQueries(() =>
        RequestContext.create(forkEm(app), () => service.page(member.user.id, { limit: 10 })),
      );
      expect(result.items.map((view) => view.feed.constructor)).toEqual([Post, Team, Game, Post]);
      expect(result.items.map((view) => view.feed.id)).toEqual([...created].reverse());
      expect(statements[0]).toMatch(/from `feed` as `f0`/);
      expect(statements[0]).not.toMatch(/dtype` (=|in)/);
      // the page alone, newest first on the primary key: joined with `user`, MySQL reads every feed row
      expect(statements[0]).not.toMatch(/join/);
      expect(statements[1]).toMatch(/from `user`/);
      const page = await http.get('/feeds').set('Authorization', member.auth).expect(200);
      expect(page.body.items.map((item: { type: string }) => item.type)).toEqual(['post', 'team', 'game', 'post']);
      expect(page.body.items[1]).toMatchObject({ roomName: 'Sunday swimmers' });
      expect(page.body.items[1]).not.toHaveProperty('title');
    });

    it('filters by type: querying Game returns only games', async () => {
      const member = await newMember(app);
      await post(member);
      const games = [(await game(member)).body.id, (await game(member)).body.id];
      await team(member);
      const res = await http.get('/feeds').query({ type: 'game' }).set('Authorization', member.auth).expect(200);
      expect(ids(res)).toEqual([...games].reverse());
      const loaded = await forkEm(app).find(Game, {});
      expect(loaded.map((item) => item.id).sort()).toEqual([...games].sort());
      expect(loaded.every((item) => item instanceof Game)).toBe(true);
      expect(await forkEm(app).count(Team, {})).toBe(1);
      expect((await http.get('/feeds').query({ type: 'video' }).set('Authorization', member.auth)).status).toBe(400);
    });

    it('pages with a keyset cursor: no item repeated or skipped when new items arrive between pages', async () => {
      const member = await newMember(app);
      const first = [];
      for (let i = 0; i < 5; i++) first.push((await post(member, { title: `p${i}`, body: 'b' })).body.id);
      const page1 = await http.get('/feeds').query({ limit: 2 }).set('Authorization', member.auth).expect(200);
      expect(ids(page1)).toEqual([first[4], first[3]]);
      for (let i = 0; i < 3; i++) await game(member);
      const page2 = await http
        .get('/feeds')
        .query({ limit: 2, cursor: page1.body.nextCursor })
        .set('Authorization', member.auth)
        .expect(200);
      expect(ids(page2)).toEqual([first[2], first[1]]);
      const page3 = await http
        .get('/feeds')
        .query({ limit: 2, cursor: page2.body.nextCursor })
        .set('Authorization', member.auth)
        .expect(200);
      expect(page3.body).toMatchObject({ nextCursor: null });
      expect(ids(page3)).toEqual([first[0]]);
    });

    it('uses no OFFSET: a deep page is a keyset range like the first', async () => {
      const member = await newMember(app);
      for (let i = 0; i < 3; i++) await post(member);
      const service = app.get(FeedService);
      const first = await RequestContext.create(forkEm(app), () => service.page(member.user.id, { limit: 1 }));
      const { statements } = await captureQueries(() =>
        RequestContext.create(forkEm(app), () => service.page(member.user.id, { limit: 1, cursor: first.nextCursor! })),
      );
      expect(statements[0]).toMatch(/where `f0`\.`id` < \? order by `f0`\.`id` desc limit \?/);
      expect(statements.join(' ')).not.toMatch(/offset/i);
    });

    it('answers 404 for an unknown item and 401 without a token', async () => {
      const member = await newMember(app);
      expect((await http.get('/feeds/99999').set('Authorization', member.auth)).status).toBe(404);
      expect((await http.get('/feeds')).status).toBe(401);
    });
  });

  describe('likes', () => {
    it('counts one like per member, shows likedByMe to the liker only, and lets them take it back', async () => {
      const [author, fan, other] = [await newMember(app), await newMember(app), await newMember(app)];
      const id = (await post(author)).body.id;
      expect((await http.post(`/feeds/${id}/like`).set('Authorization', fan.auth).expect(200)).body).toEqual({
        likeCount: 1,
        likedByMe: true,
      });
      expect((await http.post(`/feeds/${id}/like`).set('Authorization', fan.auth).expect(200)).body).toEqual({
        likeCount: 1,
        likedByMe: true,
      });
      expect((await http.get(`/feeds/${id}`).set('Authorization', fan.auth)).body).toMatchObject({ likeCount: 1, likedByMe: true });
      expect((await http.get(`/feeds/${id}`).set('Authorization', other.auth)).body).toMatchObject({ likeCount: 1, likedByMe: false });
      expect((await http.delete(`/feeds/${id}/like`).set('Authorization', fan.auth).expect(200)).body).toEqual({
        likeCount: 0,
        likedByMe: false,
      });
      expect((await http.delete(`/feeds/${id}/like`).set('Authorization', fan.auth).expect(200)).body).toEqual({
        likeCount: 0,
        likedByMe: false,
      });
      expect((await http.post('/feeds/99999/like').set('Authorization', fan.auth)).status).toBe(404);
    });

    it('keeps the count exact under 25 concurrent likes and unlikes', async () => {
      const author = await newMember(app);
      const id = (await game(author)).body.id;
      const fans = await Promise.all(Array.from({ length: 25 }, () => newMember(app)));
      const liked = await Promise.all(fans.map((fan) => http.post(`/feeds/${id}/like`).set('Authorization', fan.auth)));
      expect(liked.every((res) => res.status === 200)).toBe(true);
      expect((await http.get(`/feeds/${id}`).set('Authorization', author.auth)).body.likeCount).toBe(25);
      await Promise.all(fans.slice(0, 10).map((fan) => http.delete(`/feeds/${id}/like`).set('Authorization', fan.auth)));
      const [row] = await forkEm(app).execute<{ stored: number; rows: number }[]>(
        'select f.like_count as stored, (select count(*) from feed_like l where l.feed_id = f.id) as `rows` from feed f where f.id = ?',
        [id],
      );
      expect(row).toEqual({ stored: 15, rows: 15 });
    });

    it('counts one member once when they fire 10 likes at the same instant', async () => {
      const [author, fan] = [await newMember(app), await newMember(app)];
      const id = (await post(author)).body.id;
      await Promise.all(Array.from({ length: 10 }, () => http.post(`/feeds/${id}/like`).set('Authorization', fan.auth)));
      expect((await http.get(`/feeds/${id}`).set('Authorization', fan.auth)).body).toMatchObject({ likeCount: 1, likedByMe: true });
    });
  });

  describe('joining', () => {
    it('lets members join and leave games and teams, once each', async () => {
      const [author, player] = [await newMember(app), await newMember(app)];
      for (const id of [(await game(author)).body.id, (await team(author)).body.id]) {
        expect((await http.post(`/feeds/${id}/join`).set('Authorization', player.auth).expect(200)).body).toEqual({
          joinedCount: 1,
          joinedByMe: true,
        });
        expect((await http.post(`/feeds/${id}/join`).set('Authorization', player.auth).expect(200)).body).toEqual({
          joinedCount: 1,
          joinedByMe: true,
        });
        expect((await http.get(`/feeds/${id}`).set('Authorization', player.auth)).body).toMatchObject({ joinedCount: 1, joinedByMe: true });
        expect((await http.delete(`/feeds/${id}/join`).set('Authorization', player.auth).expect(200)).body).toEqual({
          joinedCount: 0,
          joinedByMe: false,
        });
      }
    });

    it('refuses to join a post with 409 JOIN_NOT_SUPPORTED', async () => {
      const member = await newMember(app);
      const id = (await post(member)).body.id;
      for (const res of [
        await http.post(`/feeds/${id}/join`).set('Authorization', member.auth),
        await http.delete(`/feeds/${id}/join`).set('Authorization', member.auth),
      ]) {
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('JOIN_NOT_SUPPORTED');
      }
    });
  });

  describe('statements per request', () => {
    async function countsFor(items: number): Promise<[string, string]> {
      await resetDatabase(app);
      const [author, viewer] = [await newMember(app), await newMember(app)];
      let lastId = 0;
      for (let i = 0; i < items; i++) {
        lastId = (await (i % 3 === 0 ? post(author) : i % 3 === 1 ? game(author) : team(author))).body.id;
        await http.post(`/feeds/${lastId}/like`).set('Authorization', viewer.auth).expect(200);
        if (i % 3 !== 0) await http.post(`/feeds/${lastId}/join`).set('Authorization', viewer.auth).expect(200);
      }
      const page = await http.get('/feeds').query({ limit: 100 }).set('Authorization', viewer.auth).expect(200);
      expect(page.body.items).toHaveLength(items);
      expect(page.body.items.every((item: { likedByMe: boolean }) => item.likedByMe)).toBe(true);
      const one = await http.get(`/feeds/${lastId}`).set('Authorization', viewer.auth).expect(200);
      return [page.headers['x-query-count'], one.headers['x-query-count']];
    }

    it('serves a page of 1 and of 40 items in three statements, and one item in two', async () => {
      await expect(countsFor(1)).resolves.toEqual(['3', '2']);
      await expect(countsFor(40)).resolves.toEqual(['3', '2']);
    });
  });
});
