/** Queue and job names shared by the producers (API, CLI) and the processors (worker). */
export const EMAIL_QUEUE = 'email';
export const SEND_EMAIL_JOB = 'send-email';

export const MAINTENANCE_QUEUE = 'maintenance';
export const EXPIRE_CREDITS_JOB = 'expire-credits';
export const REBUILD_INDEX_JOB = 'rebuild-index';
export const FORGET_IDEMPOTENCY_KEYS_JOB = 'forget-idempotency-keys';
/** Evening: each member with an email gets the list of tomorrow's bookings (`REMINDER_CRON`). */
export const SEND_REMINDERS_JOB = 'send-reminders';
/** Hourly: expired idempotency keys are deleted here, off the request path. */
export const FORGET_IDEMPOTENCY_KEYS_CRON = '17 * * * *';
export const FORGET_REFRESH_TOKENS_JOB = 'forget-refresh-tokens';
/** Hourly: refresh tokens past their expiry (exchanged, revoked or not) are deleted here. */
export const FORGET_REFRESH_TOKENS_CRON = '47 * * * *';

/** Every queue `GET /tasks/:id` can answer for; a task id starts with its queue's name. */
export const TASK_QUEUES = [EMAIL_QUEUE, MAINTENANCE_QUEUE] as const;
export type TaskQueue = (typeof TASK_QUEUES)[number];
