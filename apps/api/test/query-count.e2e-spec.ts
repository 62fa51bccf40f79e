import { Controller, Get } from '@nestjs/common';
import { RequestContext, wrap } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { captureQueries, Public } from '@app/core';
import { User, UserService } from '@app/identity';
import { forkEm, newMember, useTestApp } from '@app/testing';

/** Two ways to list users with their pictures: one statement per user, or one in all. */
@Controller('probe/users')
class ImageListingProbeController {
  constructor(private readonly em: EntityManager) {}

  @Public()
  @Get('naive')
  async naive(): Promise<(string | null)[]> {
    const users = await this.em.find(User, {}, { orderBy: { id: 'asc' } });
    const urls: (string | null)[] = [];
    for (const user of users) {
      if (user.image) await wrap(user.image).init();
      urls.push(user.image?.imageUrl ?? null);
    }
    return urls;
  }

  @Public()
  @Get('eager')
  async eager(): Promise<(string | null)[]> {
    const users = await this.em.find(User, {}, { orderBy: { id: 'asc' }, populate: ['image'] });
    return users.map((user) => user.image?.imageUrl ?? null);
  }
}

describe('Query counting and the N+1 detector (e2e)', () => {
  const { app, http } = useTestApp({ controllers: [ImageListingProbeController] });

  async function membersWithImages(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const member = await newMember(app);
      await http
        .put('/users/me/image')
        .set('Authorization', member.auth)
        .send({ imageUrl: `https://img.example.com/${i}.jpg` })
        .expect(200);
    }
  }

  it('reports the statements a request ran in X-Query-Count', async () => {
    const member = await newMember(app);
    const image = await http
      .put('/users/me/image')
      .set('Authorization', member.auth)
      .send({ imageUrl: 'https://img.example.com/1.jpg' })
      .expect(200);
    expect(image.headers['x-query-count']).toBe('3'); // the user and image, insert image, update user
    const health = await http.get('/health').expect(200);
    expect(health.headers['x-query-count']).toBe('1');
    const refused = await http.get('/users/me').expect(401);
    expect(refused.headers['x-query-count']).toBe('0');
  });

  it('counts each request on its own, even when requests run concurrently', async () => {
    const members = await Promise.all([newMember(app), newMember(app), newMember(app)]);
    const answers = await Promise.all(
      members.flatMap((member) => [1, 2, 3].map(() => http.get('/users/me').set('Authorization', member.auth))),
    );
    // the user, the balance, the reservations: three each, never another request's statements
    expect(answers.map((res) => res.headers['x-query-count'])).toEqual(Array(9).fill('3'));
  });

  it('fails the request loudly when one request repeats a statement past the threshold', async () => {
    await membersWithImages(12);
    const res = await http.get('/probe/users/naive');
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('N_PLUS_ONE_DETECTED');
    expect(res.body.message).toMatch(/ran 11 times in one request: select .* from `image`/);
  });

  it('lets the naive loop through below the threshold, and shows the count growing with the data', async () => {
    await membersWithImages(3);
    const res = await http.get('/probe/users/naive').expect(200);
    expect(res.headers['x-query-count']).toBe('4');
  });

  it('stays quiet on the eager version, with one statement for 3 users and for 12', async () => {
    await membersWithImages(3);
    const small = await http.get('/probe/users/eager').expect(200);
    await membersWithImages(9);
    const large = await http.get('/probe/users/eager').expect(200);
    expect(large.body).toHaveLength(12);
    expect(small.headers['x-query-count']).toBe('1');
    expect(large.headers['x-query-count']).toBe('1');
  });

  it('captureQueries returns the statements a block ran', async () => {
    const member = await newMember(app);
    const users = app.get(UserService);
    const captured = await captureQueries(() => RequestContext.create(forkEm(app), () => users.getById(member.user.id)));
    expect(captured.result.username).toBe(member.user.username);
    expect(captured.count).toBe(1);
    expect(captured.statements[0]).toMatch(/^select .* from `user` as `u0` left join `image`/);
  });
});
