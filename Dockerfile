# CatNet as a service: `catnet serve` in a small image.
#   docker build -t catnet .
#   docker run -p 8080:8080 -v "$PWD":/project:ro -v catnet-state:/var/lib/catnet \
#     -e CATNET_MASTER_KEY=… -e CATNET_ADMIN_PASSWORD=… catnet
# The project (catnet.config.yaml, credentials.yaml, configs/) is mounted at /project; state
# (database, signing key, known hosts) and backups belong in the /var/lib/catnet volume: set
# `settings.paths.state: /var/lib/catnet/state` and `backups: /var/lib/catnet/backups` in the
# inventory (or `${CATNET_STATE}`-style variables, which the inventory substitutes).

# --- build: compilers for better-sqlite3, dev dependencies for the bundler
FROM node:22-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- runtime: node, git (backups are committed), ssh client (operators' debugging), tini (PID 1)
FROM node:22-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends git openssh-client ca-certificates tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    CATNET_CONFIG=/project/catnet.config.yaml
WORKDIR /opt/catnet
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
RUN ln -s /opt/catnet/dist/cli/main.js /usr/local/bin/catnet \
 && mkdir -p /var/lib/catnet /project \
 && chown node:node /var/lib/catnet
USER node
WORKDIR /project
VOLUME ["/var/lib/catnet"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:8080/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# tini forwards SIGTERM to catnet, which lets running deployments reach a safe point first.
ENTRYPOINT ["/usr/bin/tini", "--", "node", "--max-semi-space-size=64", "/opt/catnet/dist/cli/main.js"]
CMD ["serve", "--listen", "0.0.0.0:8080"]
