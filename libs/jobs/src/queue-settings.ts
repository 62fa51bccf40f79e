import type { AdvancedSettings } from 'bull';

/**
 * The email queue's consumer settings. A worker killed mid-mailing leaves its job active under a
 * lock; once the lock lapses (`lockDuration`, renewed every `lockRenewTime` while the worker
 * lives), the next stall check (every `stalledInterval`) puts the job back to wait and a worker
 * resumes it from the recipients not yet claimed. Bull's default (30 s lock, 1 stall) failed a
 * mailing on its second kill after 0 attempts; a mailing now survives 10 kills, and resumes within
 * about 20 s of one. The lock still outlives a 10 s pause of the event loop.
 */
export const EMAIL_QUEUE_SETTINGS: AdvancedSettings = {
  lockDuration: 15_000,
  lockRenewTime: 5_000,
  stalledInterval: 5_000,
  maxStalledCount: 10,
};
