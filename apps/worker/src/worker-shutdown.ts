/**
 * How long the worker may take to stop after SIGTERM before it exits anyway (exit 1). A mailing
 * parks after the message being sent (at most the transport's 30 s socket timeout, usually
 * milliseconds); the maintenance jobs finish. docker-compose.yml's `stop_grace_period` for the
 * worker is longer, so Docker's SIGKILL never cuts a shutdown short (test/deploy checks it).
 */
export const WORKER_SHUTDOWN_TIMEOUT_MS = 30_000;
