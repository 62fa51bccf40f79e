# syntax=docker/dockerfile:1
# One image for the api, the worker and the cli: deploy/docker-entrypoint.sh picks the process
# from the first argument (`api` by default; `worker`; `cli <command>`).
#   deps       every dependency, dev ones included
#   build      sources and the compiled dist/ (CI runs the test suite in this stage)
#   prod-deps  production dependencies only
#   runtime    what ships: dist/, production node_modules, the entry point, as user `node`

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build

FROM node:22-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and read-only for `node`: the app writes nothing to its own folder.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/dist ./dist
# `npm run cli` runs scripts/build-stamp.js first; with no sources in the image it finds the
# build current (dist/.build-stamp) and never tries to rebuild.
COPY scripts/build-stamp.js ./scripts/
COPY --chmod=755 deploy/docker-entrypoint.sh deploy/healthcheck.js ./deploy/
# The one writable folder: the recommendation index (RECOMMEND_INDEX_PATH=var/feed-index.bin),
# which the worker writes and the API reads, on a volume both mount.
RUN mkdir -p /app/var && chown node:node /app/var
USER node
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["node", "deploy/healthcheck.js"]
ENTRYPOINT ["/app/deploy/docker-entrypoint.sh"]
CMD ["api"]
