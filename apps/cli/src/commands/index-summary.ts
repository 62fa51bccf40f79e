import type { IndexBuildSummary } from '@app/recommend';

/** The line rebuild-index and seed-demo print once the recommendation index is written. */
export function describeIndexBuild(summary: IndexBuildSummary): string {
  return (
    `Indexed ${summary.items} feed items (${summary.dimension} dimensions, ${(summary.bytes / 1024 / 1024).toFixed(1)} MiB) ` +
    `in ${summary.durationMs} ms → ${summary.path}`
  );
}
