import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from '@app/testing';

interface Operation {
  tags?: string[];
  summary?: string;
  responses: Record<string, unknown>;
  security?: unknown[];
}

describe('Swagger (e2e)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('serves the UI at /swagger and the document at /swagger-json', async () => {
    const ui = await request(app.getHttpServer()).get('/swagger/').redirects(1);
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
    const doc = await request(app.getHttpServer()).get('/swagger-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('tags and describes every route, and marks public routes as needing no token', async () => {
    const doc = (await request(app.getHttpServer()).get('/swagger-json')).body as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.map((o) => o.route)).toEqual(
      expect.arrayContaining([
        'POST /users',
        'POST /auth/login',
        'POST /auth/refresh',
        'POST /auth/logout',
        'GET /users/me',
        'GET /users/{id}',
        'PUT /users/me/image',
        'GET /health',
        'POST /cars',
        'GET /cars',
        'GET /cars/{id}/pallets',
        'GET /cars/{id}/release-sheet',
        'POST /order-lists',
        'GET /order-lists',
        'PUT /pallets/{id}/orders',
        'GET /release/report',
      ]),
    );
    for (const { route, op } of operations) {
      expect({ route, tagged: (op.tags ?? []).length > 0, summary: Boolean(op.summary) }).toEqual({ route, tagged: true, summary: true });
    }
  });

  it('documents the DTOs', async () => {
    const doc = (await request(app.getHttpServer()).get('/swagger-json')).body;
    expect(Object.keys(doc.components.schemas.CreateUserDto.properties).sort()).toEqual(['email', 'password', 'phoneNumber', 'username']);
    expect(doc.components.schemas.UserResponse.properties).toHaveProperty('image');
    const tokenFields = ['accessToken', 'expiresIn', 'refreshToken', 'tokenType'];
    expect(doc.paths['/users'].post.responses['201'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/SignUpResponse',
    });
    expect(Object.keys(doc.components.schemas.SignUpResponse.properties).sort()).toEqual(
      [...Object.keys(doc.components.schemas.UserResponse.properties), ...tokenFields].sort(),
    );
    expect(doc.components.schemas.SignUpResponse.required).toEqual(expect.arrayContaining(['id', 'username', ...tokenFields]));
    for (const path of ['/auth/login', '/auth/refresh']) {
      expect(doc.paths[path].post.responses['200'].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/SessionTokensResponse',
      });
      expect(doc.paths[path].post.responses['200'].headers).toHaveProperty('Set-Cookie');
    }
    // with refreshTokenIn "cookie", the refresh token is in the refresh_token cookie, not the answer
    expect(Object.keys(doc.components.schemas.SessionTokensResponse.properties).sort()).toEqual(tokenFields);
    expect(doc.components.schemas.SessionTokensResponse.required.sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);
    expect(doc.components.schemas.LoginDto.properties.refreshTokenIn).toMatchObject({ enum: ['body', 'cookie'] });
    expect(Object.keys(doc.components.schemas.RefreshTokenDto.properties)).toEqual(['refreshToken']);
    expect(Object.keys(doc.paths['/auth/logout'].post.responses)).toEqual(expect.arrayContaining(['204', '401']));
    expect(Object.keys(doc.components.schemas.CreateOrderListDto.properties).sort()).toEqual([
      'code',
      'codeName',
      'count',
      'locationName',
      'ymd',
    ]);
    expect(doc.paths['/order-lists'].post.requestBody.content['application/json'].schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/CreateOrderListDto' },
    });
    expect(Object.keys(doc.paths['/release/report'].get.responses['200'].content)).toEqual(['text/html']);
    expect(doc.components.schemas.ErrorResponse.required).toEqual(expect.arrayContaining(['statusCode', 'code', 'message']));
  });
});
