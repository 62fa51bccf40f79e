#!/bin/sh
# As the official image: options alone run the server; the server listens on every address.
set -eu
[ "${1#-}" != "$1" ] && set -- redis-server "$@"
[ "$1" = redis-server ] && { shift; exec redis-server --protected-mode no --bind '* -::*' "$@"; }
exec "$@"
