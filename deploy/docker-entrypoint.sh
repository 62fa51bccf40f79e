#!/bin/sh
# Entry point of the one image. The first argument picks the process:
#   api     wait for MySQL and Redis, apply migrations, make sure "admin" exists, then serve HTTP
#   worker  wait for MySQL and Redis, then run the queue worker
#   cli     run one admin command, e.g. `docker compose run --rm api cli seed-demo`
# Anything else runs as given, e.g. `docker compose run --rm api sh`.
# The node paths are those of package.json's `cli`, `start:api` and `start:worker` scripts.
set -eu

cli() {
  node dist/apps/cli/apps/cli/src/main.js "$@"
}

role="${1:-api}"
[ "$#" -gt 0 ] && shift

case "$role" in
  api)
    cli wait-for-db
    cli migrate
    cli create-default-user
    exec node dist/apps/api/apps/api/src/main.js
    ;;
  worker)
    cli wait-for-db
    exec node dist/apps/worker/apps/worker/src/main.js
    ;;
  cli)
    exec node dist/apps/cli/apps/cli/src/main.js "$@"
    ;;
  *)
    exec "$role" "$@"
    ;;
esac
