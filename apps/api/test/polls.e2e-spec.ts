import { FakeClock, type Member, newMember, useTestApp } from '@app/testing';

const NOW = '2030-01-10T01:00:00Z';

describe('Polls (e2e)', () => {
  const clock = new FakeClock(NOW);
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set(NOW) });

  const pollBody = {
    head: '목요일 회식 가능??',
    message: 'Reply by Wednesday',
    isAnonymousVote: false,
    isMultipleVote: false,
    questions: ['네', '아니오'],
  };
  const createPoll = async (owner: Member, overrides: Partial<typeof pollBody> & { endTime?: string } = {}) =>
    (
      await http
        .post('/polls')
        .set('Authorization', owner.auth)
        .send({ ...pollBody, ...overrides })
        .expect(201)
    ).body;
  const vote = (member: Member, pollId: number, questionIds: number[]) =>
    http.post(`/polls/${pollId}/votes`).set('Authorization', member.auth).send({ questionIds });
  const withImage = async (member: Member, url: string) => {
    await http.put('/users/me/image').set('Authorization', member.auth).send({ imageUrl: url }).expect(200);
    return member;
  };

  describe('creating and reading', () => {
    it('creates a poll with ordered questions and shows the owner with their picture', async () => {
      const owner = await withImage(await newMember(app), 'https://img.example.com/owner.jpg');
      const poll = await createPoll(owner, { endTime: '2030-01-15T18:00:00+09:00' });
      expect(poll).toEqual({
        id: expect.any(Number),
        owner: { id: owner.user.id, username: owner.user.username, image: { imageUrl: 'https://img.example.com/owner.jpg' } },
        head: '목요일 회식 가능??',
        message: 'Reply by Wednesday',
        endTime: '2030-01-15T09:00:00.000Z',
        isAnonymousVote: false,
        isMultipleVote: false,
        questions: [
          { id: expect.any(Number), content: '네', ordering: 1, voteCount: 0, votes: [], votesNextCursor: null },
          { id: expect.any(Number), content: '아니오', ordering: 2, voteCount: 0, votes: [], votesNextCursor: null },
        ],
      });
      expect((await http.get(`/polls/${poll.id}`).set('Authorization', owner.auth).expect(200)).body).toEqual(poll);
      // milliseconds are not kept: the creation answers what later reads show
      const precise = await createPoll(owner, { endTime: '2030-01-15T09:00:00.750Z' });
      expect(precise.endTime).toBe('2030-01-15T09:00:00.000Z');
      expect((await http.get(`/polls/${precise.id}`).set('Authorization', owner.auth).expect(200)).body).toEqual(precise);
    });

    it('refuses an end time in the past, a single question and unknown fields', async () => {
      const owner = await newMember(app);
      const past = await http
        .post('/polls')
        .set('Authorization', owner.auth)
        .send({ ...pollBody, endTime: '2030-01-10T09:00:00+09:00' });
      expect(past.body).toEqual({ statusCode: 400, code: 'INVALID_END_TIME', message: 'endTime must be in the future' });
      const single = await http
        .post('/polls')
        .set('Authorization', owner.auth)
        .send({ ...pollBody, questions: ['only'] });
      expect(single.body.errors.map((error: { field: string }) => error.field)).toEqual(['questions']);
      const notADate = await http
        .post('/polls')
        .set('Authorization', owner.auth)
        .send({ ...pollBody, endTime: 'tomorrow' });
      expect(notADate.body.errors.map((error: { field: string }) => error.field)).toEqual(['endTime']);
    });

    it('lists polls newest first in cursor pages', async () => {
      const owner = await newMember(app);
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push((await createPoll(owner, { head: `poll ${i}` })).id);
      const first = await http.get('/polls').query({ limit: 3 }).set('Authorization', owner.auth).expect(200);
      const second = await http
        .get('/polls')
        .query({ limit: 3, cursor: first.body.nextCursor })
        .set('Authorization', owner.auth)
        .expect(200);
      expect([...first.body.items, ...second.body.items].map((poll: { id: number }) => poll.id)).toEqual([...ids].reverse());
      expect(second.body.nextCursor).toBeNull();
    });
  });

  describe('voting', () => {
    it('records a vote with its voter and counts it', async () => {
      const [owner, voter] = [await newMember(app), await withImage(await newMember(app), 'https://img.example.com/v.jpg')];
      const poll = await createPoll(owner);
      const res = await vote(voter, poll.id, [poll.questions[0].id]);
      expect(res.status).toBe(201);
      expect(res.body.questions[0]).toMatchObject({
        voteCount: 1,
        votes: [
          {
            id: expect.any(Number),
            owner: { id: voter.user.id, username: voter.user.username, image: { imageUrl: 'https://img.example.com/v.jpg' } },
          },
        ],
      });
      expect(res.body.questions[1]).toMatchObject({ voteCount: 0, votes: [] });
    });

    it('single choice: MULTIPLE_NOT_ALLOWED for several at once, ALREADY_VOTED for a second vote', async () => {
      const [owner, voter] = [await newMember(app), await newMember(app)];
      const poll = await createPoll(owner);
      const [yes, no] = poll.questions.map((question: { id: number }) => question.id);
      expect((await vote(voter, poll.id, [yes, no])).body.code).toBe('MULTIPLE_NOT_ALLOWED');
      await vote(voter, poll.id, [yes]).expect(201);
      const again = await vote(voter, poll.id, [no]);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ALREADY_VOTED');
    });

    it('multiple choice: several questions, each at most once', async () => {
      const [owner, voter] = [await newMember(app), await newMember(app)];
      const poll = await createPoll(owner, { isMultipleVote: true, questions: ['a', 'b', 'c'] });
      const [a, b, c] = poll.questions.map((question: { id: number }) => question.id);
      const res = await vote(voter, poll.id, [a, c]).expect(201);
      expect(res.body.questions.map((question: { voteCount: number }) => question.voteCount)).toEqual([1, 0, 1]);
      expect((await vote(voter, poll.id, [b, c])).body.code).toBe('ALREADY_VOTED');
      await vote(voter, poll.id, [b]).expect(201);
      expect((await vote(voter, poll.id, [a, a])).status).toBe(400);
    });

    it('refuses a closed poll with POLL_CLOSED', async () => {
      const [owner, voter] = [await newMember(app), await newMember(app)];
      const poll = await createPoll(owner, { endTime: '2030-01-10T11:00:00+09:00' });
      clock.set('2030-01-10T02:00:00Z');
      const res = await vote(voter, poll.id, [poll.questions[0].id]);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('POLL_CLOSED');
      expect((await http.delete(`/polls/${poll.id}/votes`).set('Authorization', voter.auth)).body.code).toBe('POLL_CLOSED');
    });

    it('refuses a question of another poll with 400, and an unknown poll with 404', async () => {
      const [owner, voter] = [await newMember(app), await newMember(app)];
      const [poll, other] = [await createPoll(owner), await createPoll(owner)];
      const res = await vote(voter, poll.id, [other.questions[0].id]);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_QUESTION');
      expect((await vote(voter, 999_999, [poll.questions[0].id])).status).toBe(404);
      expect(
        (await http.get(`/polls/${poll.id}`).set('Authorization', owner.auth)).body.questions.every(
          (q: { voteCount: number }) => q.voteCount === 0,
        ),
      ).toBe(true);
    });

    it('lets a member retract their votes and vote again', async () => {
      const [owner, voter] = [await newMember(app), await newMember(app)];
      const poll = await createPoll(owner);
      await vote(voter, poll.id, [poll.questions[0].id]).expect(201);
      await http.delete(`/polls/${poll.id}/votes`).set('Authorization', voter.auth).expect(204);
      expect((await http.get(`/polls/${poll.id}`).set('Authorization', voter.auth)).body.questions[0].voteCount).toBe(0);
      await vote(voter, poll.id, [poll.questions[1].id]).expect(201);
    });
  });

  describe('anonymous polls', () => {
    it('hides every voter but the viewer themself, keeping the counts', async () => {
      const [owner, alice, bob] = [
        await newMember(app),
        await newMember(app, { username: 'alice_voter' }),
        await newMember(app, { username: 'bob_voter' }),
      ];
      const poll = await createPoll(owner, { isAnonymousVote: true });
      await vote(alice, poll.id, [poll.questions[0].id]).expect(201);
      await vote(bob, poll.id, [poll.questions[0].id]).expect(201);

      const asAlice = (await http.get(`/polls/${poll.id}`).set('Authorization', alice.auth)).body;
      expect(asAlice.questions[0].voteCount).toBe(2);
      expect(asAlice.questions[0].votes.map((v: { owner: { username: string } | null }) => v.owner?.username ?? null)).toEqual([
        'alice_voter',
        null,
      ]);
      expect(JSON.stringify(asAlice)).not.toContain('bob_voter');

      const asOwner = await http.get(`/polls/${poll.id}`).set('Authorization', owner.auth);
      expect(asOwner.body.questions[0].votes).toEqual([
        { id: expect.any(Number), owner: null },
        { id: expect.any(Number), owner: null },
      ]);
      expect(asOwner.text).not.toMatch(/alice_voter|bob_voter/);
      const listed = await http.get('/polls').set('Authorization', owner.auth);
      expect(listed.text).not.toMatch(/alice_voter|bob_voter/);
    });
  });

  describe('under concurrency', () => {
    it('a single-choice poll never ends with two votes from one member, even when the requests race', async () => {
      const [owner, voter] = [await newMember(app), await newMember(app)];
      const poll = await createPoll(owner, { questions: ['a', 'b', 'c', 'd'] });
      const ids = poll.questions.map((question: { id: number }) => question.id);
      const results = await Promise.all([...ids, ...ids].map((id) => vote(voter, poll.id, [id])));
      expect(results.filter((res) => res.status === 201)).toHaveLength(1);
      expect(results.filter((res) => res.status !== 201).every((res) => res.status === 409 && res.body.code === 'ALREADY_VOTED')).toBe(
        true,
      );
      const final = (await http.get(`/polls/${poll.id}`).set('Authorization', voter.auth)).body;
      expect(final.questions.reduce((sum: number, q: { voteCount: number }) => sum + q.voteCount, 0)).toBe(1);
    });

    it('a multiple-choice poll counts one vote per member and question under parallel double votes', async () => {
      const [owner, voter] = [await newMember(app), await newMember(app)];
      const poll = await createPoll(owner, { isMultipleVote: true, questions: ['a', 'b'] });
      const [a, b] = poll.questions.map((question: { id: number }) => question.id);
      await Promise.all(Array.from({ length: 6 }, (_, i) => vote(voter, poll.id, i % 2 ? [a] : [a, b])));
      const final = (await http.get(`/polls/${poll.id}`).set('Authorization', voter.auth)).body;
      expect(final.questions.map((q: { voteCount: number }) => q.voteCount)).toEqual([1, expect.any(Number)]);
      expect(final.questions[1].voteCount).toBeLessThanOrEqual(1);
    });
  });

  describe('statements per request', () => {
    async function seedPolls(count: number, voters: Member[]): Promise<void> {
      const owner = await withImage(await newMember(app), 'https://img.example.com/o.jpg');
      for (let i = 0; i < count; i++) {
        const poll = await createPoll(owner, { isAnonymousVote: i % 2 === 0, questions: ['a', 'b', 'c'] });
        for (const [index, voter] of voters.entries()) await vote(voter, poll.id, [poll.questions[index % 3].id]).expect(201);
      }
    }

    it('serves 1 poll and 8 polls full of votes with the same two statements (at most 4)', async () => {
      const voters = [await withImage(await newMember(app), 'https://img.example.com/1.jpg'), await newMember(app), await newMember(app)];
      await seedPolls(1, voters);
      const one = await http.get('/polls').set('Authorization', voters[0].auth).expect(200);
      await seedPolls(7, voters);
      const eight = await http.get('/polls').set('Authorization', voters[0].auth).expect(200);
      expect(eight.body.items).toHaveLength(8);
      expect(
        eight.body.items.every(
          (poll: { questions: { voteCount: number }[] }) => poll.questions.reduce((sum, q) => sum + q.voteCount, 0) === 3,
        ),
      ).toBe(true);
      const detail = await http.get(`/polls/${eight.body.items[0].id}`).set('Authorization', voters[0].auth).expect(200);
      expect([one.headers['x-query-count'], eight.headers['x-query-count'], detail.headers['x-query-count']]).toEqual(['2', '2', '2']);
    });
  });

  describe('many votes', () => {
    it('lists the first 20 votes of a question with the exact count, and pages the rest, hiding voters as the poll does', async () => {
      const owner = await newMember(app);
      const poll = await createPoll(owner, { isAnonymousVote: true });
      const voters: Member[] = [];
      for (let n = 0; n < 25; n++) voters.push(await newMember(app));
      for (const voter of voters) await vote(voter, poll.id, [poll.questions[0].id]).expect(201);
      const last = voters[24];

      const detail = (await http.get(`/polls/${poll.id}`).set('Authorization', last.auth).expect(200)).body;
      const question = detail.questions[0];
      expect(question.voteCount).toBe(25);
      expect(question.votes).toHaveLength(20);
      expect(question.votesNextCursor).toEqual(expect.any(String));
      expect(detail.questions[1]).toMatchObject({ voteCount: 0, votes: [], votesNextCursor: null });
      const listed = (await http.get('/polls?limit=10').set('Authorization', last.auth).expect(200)).body.items[0].questions[0];
      expect(listed).toEqual(question);

      const url = `/polls/${poll.id}/questions/${question.id}/votes`;
      const rest = await http.get(`${url}?cursor=${question.votesNextCursor}`).set('Authorization', last.auth).expect(200);
      expect(rest.body.nextCursor).toBeNull();
      expect(rest.body.items).toHaveLength(5);
      const ids = [...question.votes, ...rest.body.items].map((vote: { id: number }) => vote.id);
      expect(new Set(ids).size).toBe(25);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      // anonymous: only the viewer's own vote names its voter
      expect(rest.body.items.map((vote: { owner: { id: number } | null }) => vote.owner?.id ?? null)).toEqual([
        null,
        null,
        null,
        null,
        last.user.id,
      ]);

      const firstPage = await http.get(`${url}?limit=10`).set('Authorization', last.auth).expect(200);
      expect(firstPage.body.items.map((vote: { id: number }) => vote.id)).toEqual(ids.slice(0, 10));
      await http
        .get(`/polls/${poll.id + 1000}/questions/${question.id}/votes`)
        .set('Authorization', last.auth)
        .expect(404);
    });
  });
});
