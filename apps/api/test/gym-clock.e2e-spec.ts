import { FakeClock, newMember, newPricePolicy, useTestApp } from '@app/testing';

/** 16:00 UTC: still 2030-01-10 in London, already 2030-01-11 at the gym in Seoul. */
const NOW = '2030-01-10T16:00:00Z';

describe("Gym: the gym's clock, said out loud (e2e)", () => {
  const clock = new FakeClock(NOW);
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set(NOW) });

  it('GET /gym answers the time zone, today and now in that zone, without a token', async () => {
    const res = await http.get('/gym').expect(200);
    expect(res.body).toEqual({ timeZone: 'Asia/Seoul', today: '2030-01-11', now: '2030-01-11T01:00:00.000+09:00' });
    expect(new Date(res.body.now).toISOString()).toBe(new Date(NOW).toISOString());
  });

  it("refuses a start date before the gym's today, naming that day and the zone", async () => {
    const member = await newMember(app);
    const policy = await newPricePolicy(app);
    const utcToday = NOW.slice(0, 10);
    const res = await http.post('/credits').set('Authorization', member.auth).send({ pricePolicyId: policy.id, startDate: utcToday });
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'INVALID_START_DATE',
      message: 'startDate 2030-01-10 is before today, 2030-01-11 in Asia/Seoul',
    });
    await http.post('/credits').set('Authorization', member.auth).send({ pricePolicyId: policy.id, startDate: '2030-01-11' }).expect(201);
  });
});
