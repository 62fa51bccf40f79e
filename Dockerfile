# One image for the api, the worker and the cli (the command picks which).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/scripts ./scripts
# the recommendation index (RECOMMEND_INDEX_PATH=var/feed-index.bin), shared by api and worker via a volume
RUN mkdir -p /app/var && chown node:node /app/var
USER node
EXPOSE 8000
CMD ["npm", "run", "start:api"]
