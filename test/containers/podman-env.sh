#!/usr/bin/env bash
# Sourced by the container test's scripts: podman from Debian's packages, with its storage, its
# configuration and the base images' cache in a folder outside the checkout, so a second run (and
# another clone) reuses what the first one built. Nothing here touches the machine's own podman
# configuration or any registry: images are built locally and never pulled.
#
#   GYM_CONTAINERS_CACHE  the cache folder (default /var/cache/gym-containers)

GYM_CONTAINERS_CACHE="${GYM_CONTAINERS_CACHE:-/var/cache/gym-containers}"
export GYM_CONTAINERS_CACHE

ctr_log() { echo "[containers] $*" >&2; }

# podman and its helpers, runc (crun fails here: "cgroups in hybrid mode not supported"),
# netavark with aardvark-dns (service names resolve on a compose network), debootstrap for the
# base image, podman-compose for the stack.
ctr_install_tools() {
  local missing=()
  command -v podman >/dev/null || missing+=(podman)
  command -v runc >/dev/null || missing+=(runc)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v podman-compose >/dev/null || missing+=(podman-compose)
  [ -x /usr/lib/podman/netavark ] || [ -x /usr/libexec/podman/netavark ] || missing+=(netavark)
  [ -x /usr/lib/podman/aardvark-dns ] || [ -x /usr/libexec/podman/aardvark-dns ] || missing+=(aardvark-dns)
  [ -e /usr/libexec/podman/catatonit ] || missing+=(catatonit)
  command -v iptables >/dev/null || missing+=(iptables)
  [ "${#missing[@]}" -eq 0 ] && return 0
  ctr_log "installing ${missing[*]} from Debian's packages"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" uidmap slirp4netns containernetworking-plugins >/dev/null
}

# Private storage.conf and containers.conf, written once into the cache folder.
ctr_configure() {
  mkdir -p "$GYM_CONTAINERS_CACHE/storage" "$GYM_CONTAINERS_CACHE/run"
  export CONTAINERS_STORAGE_CONF="$GYM_CONTAINERS_CACHE/storage.conf"
  export CONTAINERS_CONF="$GYM_CONTAINERS_CACHE/containers.conf"
  export CONTAINERS_REGISTRIES_CONF="$GYM_CONTAINERS_CACHE/registries.conf"
  cat >"$CONTAINERS_STORAGE_CONF" <<CONF
[storage]
driver = "overlay"
graphroot = "$GYM_CONTAINERS_CACHE/storage"
runroot = "$GYM_CONTAINERS_CACHE/run"
CONF
  # Setting rlimits is not permitted in this sandbox: containers inherit these fixed ones.
  cat >"$CONTAINERS_CONF" <<CONF
[containers]
default_ulimits = []
log_driver = "k8s-file"
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
[network]
network_backend = "netavark"
CONF
  # No registry is reachable: short names resolve to the local images only.
  cat >"$CONTAINERS_REGISTRIES_CONF" <<CONF
unqualified-search-registries = ["docker.io"]
short-name-mode = "permissive"
CONF
}

ctr_install_tools
ctr_configure
