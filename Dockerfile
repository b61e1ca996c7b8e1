# syntax=docker/dockerfile:1
# Customer graph gateway: a stateless GraphQL server. Build: docker build -t customer-graph-gateway .
# Run many replicas against a RushDB server (RUSHDB_URL); the embedded engine (a SQLite file on
# the /data volume) is for a single replica. See docs/deploy.md.

# --- build: install production dependencies, compiling better-sqlite3's native module ---
FROM node:20-bookworm AS build
WORKDIR /app
# python3, make and g++ come with the full node image; better-sqlite3 compiles against them
# when no prebuilt binary is available.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()"
COPY tsconfig.json ./
COPY src ./src

# --- runtime: slim image, no compilers, non-root ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    ENGINE_PATH=/data/customer-graph.db \
    DEMO_CUSTOMERS=0 \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1 (not npm), so SIGTERM reaches the graceful shutdown.
CMD ["node", "--import", "tsx", "src/server.ts"]
