import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { forkEm, type Member, newMember, useStaff, useTestApp } from '@app/testing';

const HEADER = 'ymd,code,codeName,locationName,count';

/** POST /order-lists/import: a streamed CSV, every line validated, all or nothing, in one audited transaction. */
describe('Importing order lines from CSV, POST /order-lists/import (e2e)', () => {
  const { app, http } = useTestApp();
  const staff = useStaff(app);

  const upload = (csv: string | Buffer, who: Member = staff, type = 'text/csv') =>
    http.post('/order-lists/import').set('Authorization', who.auth).set('Content-Type', type).send(csv);
  const stored = async () => Number((await forkEm(app).execute<{ n: number }[]>('select count(*) as n from order_list'))[0].n);
  const imports = async () =>
    (await http.get('/audit').query({ entity: 'order-list' }).set('Authorization', staff.auth).expect(200)).body.items;
  /** `n` valid lines for `ymd`, codes numbered from 1. */
  const lines = (n: number, ymd = '20261201') =>
    Array.from({ length: n }, (_, i) => `${ymd},P-${i + 1},"생수 2L, 6개",강남점 ${i % 40},${(i % 50) + 1}`);

  it('imports a file with a BOM, CRLF line ends, quoted commas and line breaks, and records it in the audit log', async () => {
    const csv =
      '\uFEFF' +
      [
        HEADER,
        '20261201,A-1001,"생수 2L, 6개",강남점,12',
        '',
        '20261202,B-2,"Two-line\r\nname",역삼점,"3"',
        '20261201,C-3,Cola,"Mapo, 2F",100000',
      ].join('\r\n') +
      '\r\n';
    expect((await upload(csv).expect(201)).body).toEqual({ created: 3 });

    const day = (await http.get('/order-lists').query({ ymd: '20261201' }).set('Authorization', staff.auth).expect(200)).body;
    expect(
      day.map(({ code, codeName, locationName, count, palletId }: Record<string, unknown>) => ({
        code,
        codeName,
        locationName,
        count,
        palletId,
      })),
    ).toEqual([
      { code: 'A-1001', codeName: '생수 2L, 6개', locationName: '강남점', count: 12, palletId: null },
      { code: 'C-3', codeName: 'Cola', locationName: 'Mapo, 2F', count: 100000, palletId: null },
    ]);
    const next = (await http.get('/order-lists').query({ ymd: '20261202' }).set('Authorization', staff.auth).expect(200)).body;
    expect(next[0]).toMatchObject({ code: 'B-2', codeName: 'Two-line\r\nname', count: 3 });

    expect(await imports()).toEqual([
      expect.objectContaining({
        actor: { id: staff.user.id, username: staff.user.username },
        action: 'order-list.import',
        entity: 'order-list',
        entityId: null,
        before: null,
        after: { created: 3, ymds: ['20261201', '20261202'] },
      }),
    ]);
  });

  it('takes the columns in any order and LF line ends', async () => {
    expect((await upload('count,ymd,locationName,code,codeName\n7,20261201,강남점,A-1,Water\n').expect(201)).body).toEqual({ created: 1 });
    const [order] = (await http.get('/order-lists').query({ ymd: '20261201' }).set('Authorization', staff.auth)).body;
    expect(order).toMatchObject({ code: 'A-1', codeName: 'Water', locationName: '강남점', count: 7 });
  });

  it("refuses the whole file with 400 INVALID_CSV naming each bad line and field, by the file's line numbers, writing nothing", async () => {
    const csv = [
      HEADER, // line 1
      '20261201,A-1,Water,강남점,12', // 2: fine
      '20261345,A-2,Water,강남점,0', // 3: no such day, count too small
      '', // 4: blank, skipped
      `20261201,${'X'.repeat(33)},"Two-line`, // 5: code too long; the quoted name runs on
      'name",,7', // 6: ... and the location is empty
      '20261201,A-4,Water,강남점,1e3', // 7: not an integer
      '20261201,A-5,Water', // 8: too few fields
      '20261201,A-6,Water,강남점,100001', // 9: too many
    ].join('\r\n');
    const res = await upload(csv).expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'INVALID_CSV',
      message: 'Nothing was imported: 7 problems in the file',
      errors: [
        { line: 3, field: 'ymd', message: 'ymd must be a date as YYYYMMDD' },
        { line: 3, field: 'count', message: 'count must not be less than 1' },
        { line: 5, field: 'code', message: 'code must be 1 to 32 characters long' },
        { line: 5, field: 'locationName', message: 'locationName must be 1 to 128 characters long' },
        { line: 7, field: 'count', message: 'count must be an integer number' },
        { line: 8, field: null, message: 'The line has 3 fields; the header has 5' },
        { line: 9, field: 'count', message: 'count must not be greater than 100000' },
      ],
    });
    expect(await stored()).toBe(0);
    expect(await imports()).toEqual([]);
  });

  it('lists the first 100 problems and counts them all', async () => {
    const bad = Array.from({ length: 150 }, (_, i) => `20261201,B-${i},Water,강남점,0`);
    const res = await upload([HEADER, ...lines(10), ...bad].join('\n')).expect(400);
    expect(res.body.message).toBe('Nothing was imported: 150 problems in the file; the first 100 are listed');
    expect(res.body.errors).toHaveLength(100);
    expect(res.body.errors[0]).toEqual({ line: 12, field: 'count', message: 'count must not be less than 1' });
    expect(res.body.errors[99].line).toBe(111);
  });

  it('refuses a wrong header, an empty file, a header alone and a broken quote, each with its line', async () => {
    const problems = async (csv: string) => (await upload(csv).expect(400)).body.errors;
    expect(await problems('ymd,code,name,location,count\n20261201,A,W,L,1\n')).toEqual([
      { line: 1, field: null, message: expect.stringContaining('The first line must be the header ymd,code,codeName,locationName,count') },
    ]);
    expect(await problems(`${HEADER},extra\n`)).toEqual([{ line: 1, field: null, message: expect.any(String) }]);
    expect(await problems('')).toEqual([{ line: 1, field: null, message: expect.stringContaining('The file is empty') }]);
    expect(await problems(`${HEADER}\r\n`)).toEqual([{ line: 2, field: null, message: 'The file has no order lines after the header' }]);
    expect(await problems(`${HEADER}\n20261201,A,W,L,1\n20261201,"A"x,W,L,1\n`)).toEqual([
      { line: 3, field: null, message: expect.stringContaining('Invalid Closing Quote') },
    ]);
    expect(await stored()).toBe(0);
  });

  it('imports 10,000 lines in one transaction in batches of 500, and one bad line among them writes nothing', async () => {
    const many = lines(10_000);
    const bad = [...many];
    bad[8_999] = '20261201,P-9000,Water,강남점,-4'; // line 9001
    const refused = await upload([HEADER, ...bad].join('\r\n')).expect(400);
    expect(refused.body.errors).toEqual([{ line: 9_001, field: 'count', message: 'count must not be less than 1' }]);
    expect(await stored()).toBe(0);

    const res = await upload([HEADER, ...many].join('\r\n')).expect(201);
    expect(res.body).toEqual({ created: 10_000 });
    // the staff check, 20 inserts of 500 rows and the audit entry
    expect(Number(res.headers['x-query-count'])).toBe(22);
    expect(await stored()).toBe(10_000);
    expect((await imports())[0].after).toEqual({ created: 10_000, ymds: ['20261201'] });
  });

  it('rolls the whole import back when an insert fails halfway', async () => {
    // a valid line the database refuses, in the 15th batch: the 14 before it must not stay
    await forkEm(app).execute(
      "create trigger order_list_refuse before insert on order_list for each row if new.code = 'REFUSED' then signal sqlstate '45000' set message_text = 'refused'; end if",
    );
    try {
      const many = lines(10_000);
      many[7_100] = '20261201,REFUSED,Water,강남점,1';
      const res = await upload([HEADER, ...many].join('\n'));
      expect(res.status).toBe(500);
      expect(await stored()).toBe(0);
      expect(await imports()).toEqual([]);
    } finally {
      await forkEm(app).execute('drop trigger if exists order_list_refuse');
    }
  });

  it('answers 413 once a chunked body (no Content-Length to check first) passes the limit, writing nothing', async () => {
    const server = app.getHttpServer().listen(0);
    try {
      const { port } = server.address() as AddressInfo;
      // 1,000 lines of 128-character Korean names: about 800 kB, under the line cap of a file
      const name = '가'.repeat(128);
      const chunk = Buffer.from(`${Array.from({ length: 1_000 }, (_, i) => `20261201,P-${i},${name},${name},1`).join('\n')}\n`);
      async function* body() {
        yield Buffer.from(`${HEADER}\n`);
        for (let i = 0; i < 6; i++) yield chunk; // about 4.6 MB
      }
      const res = await fetch(`http://127.0.0.1:${port}/order-lists/import`, {
        method: 'POST',
        headers: { authorization: staff.auth, 'content-type': 'text/csv' },
        body: Readable.toWeb(Readable.from(body())) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await stored()).toBe(0);
  });

  it('answers 415 for another media type, 413 over the limit, 403 to members and 401 without a token', async () => {
    const json = await upload(JSON.stringify([{ ymd: '20261201' }]), staff, 'application/json').expect(415);
    expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await upload(`${HEADER}\n20261201,A,W,L,1\n`, staff, 'text/plain').expect(415)).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const huge = [HEADER, ...lines(90_000)].join('\n'); // about 4.5 MB
    expect((await upload(huge).expect(413)).body.code).toBe('PAYLOAD_TOO_LARGE');

    const member = await newMember(app);
    expect((await upload(`${HEADER}\n20261201,A,W,L,1\n`, member).expect(403)).body.code).toBe('FORBIDDEN');
    await http.post('/order-lists/import').set('Content-Type', 'text/csv').send(HEADER).expect(401);
    expect(await stored()).toBe(0);
  });
});
