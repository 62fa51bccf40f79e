import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_DATABASE_PREFIX, testDatabaseUrl, testRedisUrl } from './test-databases';

// Runs in every Jest worker before its test files: point the app at this worker's database.
const workerId = process.env.JEST_WORKER_ID ?? '1';
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = testDatabaseUrl(workerId);
process.env.REDIS_URL = testRedisUrl(workerId);
process.env.N_PLUS_ONE_MODE = 'throw';
process.env.N_PLUS_ONE_THRESHOLD = '10';
process.env.JWT_SECRET = 'test-secret-that-is-long-enough-to-be-real-0123456789';
process.env.ADMIN_PASSWORD = 'admin';
process.env.EMAIL_BACKOFF_MS = '50';
process.env.LOG_LEVEL = 'silent';
process.env.LOGIN_RATE_LIMIT = '1000';
process.env.SIGNUP_RATE_LIMIT = '100000';
// The recommendation index of tests that do not choose their own: in the temp directory, never in var/
process.env.RECOMMEND_INDEX_PATH = join(tmpdir(), `${TEST_DATABASE_PREFIX}index_${workerId}`, 'feed-index.bin');
process.env.RECOMMEND_THREADS = '1';
