import type { NestApplicationOptions } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  AllExceptionsFilter,
  APP_LOGGER,
  AppConfig,
  bodyParserErrors,
  DatabaseOutageMonitor,
  HttpMetrics,
  createValidationPipe,
  jsonBodyShape,
  requestIdMiddleware,
  requestLog,
  CONSOLE_POLICY,
  securityHeaders,
  singlePageApp,
} from '@app/core';
import { staffPageBrowserGate, staffPageMiddleware } from '@app/identity';
import { mountQueueDashboard, QUEUE_DASHBOARD_PATH } from '@app/jobs';

/** Options for `NestFactory.create`: the body parser is installed by `configureApp`. */
export const APP_OPTIONS: NestApplicationOptions = { bodyParser: false };

export const BODY_LIMIT = '1mb';

/** Where the staff console (apps/console, built into CONSOLE_DIR) is served. */
export const CONSOLE_PATH = '/admin';

function processIdHeader(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Process-Id', String(process.pid));
  next();
}

/** Everything main.ts and the e2e tests share: the app as clients see it. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get(AppConfig);
  if (config.http.trustProxyHops > 0) app.set('trust proxy', config.http.trustProxyHops);
  app.use(requestIdMiddleware);
  // request metrics only when someone can read them (METRICS_TOKEN); routes answered by
  // middleware are labelled by where they are mounted, the rest by their pattern
  if (config.metrics.token) app.use(app.get(HttpMetrics).middleware([CONSOLE_PATH, QUEUE_DASHBOARD_PATH, '/swagger', '/swagger-json']));
  // which of the API_PROCESSES answered, for tests and local checks; never shown in production
  if (!config.isProduction) app.use(processIdHeader);
  app.use(requestLog(app.get(APP_LOGGER)));
  app.use(securityHeaders(['/release/report', QUEUE_DASHBOARD_PATH], ['/swagger'], { [CONSOLE_PATH]: CONSOLE_POLICY }));
  app.enableCors({
    origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
    credentials: true,
    exposedHeaders: ['X-Request-Id', 'X-Query-Count'],
  });
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(bodyParserErrors);
  app.use(jsonBodyShape);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(config, app.get(DatabaseOutageMonitor)));
  app.use('/release/report', staffPageBrowserGate(app));
  mountQueueDashboard(app, staffPageMiddleware(app));
  // the staff console's build: public (it signs in through the API), after the dashboard, whose
  // paths it leaves alone; not in Swagger (it is not API)
  app.use(
    CONSOLE_PATH,
    singlePageApp({ dir: config.http.consoleDir, exclude: [QUEUE_DASHBOARD_PATH.slice(CONSOLE_PATH.length)], buildHint: 'npm run build' }),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Gym platform API')
      .setDescription('Gym bookings with a credit ledger, a polymorphic feed, polls, release sheets and background jobs.')
      .setVersion('1.0')
      .setLicense('UNLICENSED (proprietary)', 'https://docs.npmjs.com/cli/v10/configuring-npm/package-json#license')
      // Relative: generated clients and Swagger UI call the host that served the document
      .addServer('/', 'The server that serves this document')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .addCookieAuth('access_token', {
        type: 'apiKey',
        in: 'cookie',
        description: 'Set by POST /auth/login and the /login form; accepted only by GET /release/report and the queue dashboard',
      })
      .build(),
  );
  SwaggerModule.setup('swagger', app, document, {
    jsonDocumentUrl: 'swagger-json',
    swaggerOptions: { persistAuthorization: true },
  });
  return app;
}
