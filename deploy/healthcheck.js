#!/usr/bin/env node
// The image's HEALTHCHECK: healthy when the API in this container answers GET /health with 200
// (MySQL and Redis reachable). Node's own fetch, since slim images have neither curl nor wget.
/* global fetch, AbortSignal */
const port = process.env.PORT || '8000';

fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(4000) })
  .then((response) => process.exit(response.status === 200 ? 0 : 1))
  .catch(() => process.exit(1));
