# syntax=docker/dockerfile:1
#
# One image recipe for every service. Build one service's image with, for example:
#
#   docker build --build-arg SERVICE=companies --build-arg PORT=3001 -t globac/companies:dev .
#
# (docker-compose.yml does this for all four.) SERVICE is the folder under apps/; PORT is the port
# the service listens on, baked into the image so EXPOSE, the HEALTHCHECK and the app agree.
# The web app's image is the `web` target:
#
#   docker build --target web -t globac/web:dev .
#
# See docs/deployment.md for the choices made here.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: compile every app and lib to dist/ ------------------------------------------------
# Deliberately independent of SERVICE, so BuildKit builds it once and reuses it for all four images.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN node tools/build.mjs

# ---- prod-deps: runtime node_modules only -----------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# ---- web-build: the web app's static files (Vite) ----------------------------------------------
FROM build AS web-build
# Source maps stay out of the image: the server would not serve them anyway.
RUN npx vite build --config apps/web/vite.config.mts && find dist/apps/web -name '*.map' -delete

# ---- web: the web app, static files served by its own small server ---------------------------
# Before `runtime` on purpose: a build without --target builds the last stage, a service's image.
FROM ${NODE_IMAGE} AS web
LABEL org.opencontainers.image.title="globac-web" \
      org.opencontainers.image.description="Globac platform: the web app (static files, CSP, /config.json from the environment)"
# NODE_ENV=production makes the server insist on AUTH_MODE=oidc with AUTH_ISSUER and WEB_OIDC_CLIENT_ID
# (it exits with 78 naming what is missing). 8080: a non-root process cannot bind below 1024.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    WEB_ROOT=/app/public
WORKDIR /app
# The server uses Node's built-ins only: no node_modules. dev-auth.mjs is loaded only with
# NODE_ENV=development and AUTH_MODE=dev (docker compose, the dev cluster). Files stay root's.
COPY apps/web/tools/web-server.mjs apps/web/tools/dev-auth.mjs ./
COPY --from=web-build /app/dist/apps/web ./public
USER node
EXPOSE 8080
# Reads everything into memory at start and writes nothing: the root filesystem can be read-only.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz', { signal: AbortSignal.timeout(2500) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "web-server.mjs"]

# ---- runtime ------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG PORT
# Fail early, with a message, rather than ship an image that cannot start.
RUN if [ -z "${SERVICE:-}" ] || [ -z "${PORT:-}" ]; then \
      echo "Build with --build-arg SERVICE=<folder under apps/> --build-arg PORT=<its port>" >&2; exit 1; \
    fi
LABEL org.opencontainers.image.title="globac-${SERVICE}" \
      org.opencontainers.image.description="Globac platform: the ${SERVICE} service"

# NODE_ENV=production makes the app insist on AUTH_MODE=oidc; local stacks override both.
# Source maps make stack traces point at the TypeScript sources.
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    HOST=0.0.0.0 \
    PORT=${PORT} \
    NODE_OPTIONS=--enable-source-maps

WORKDIR /app
# Files stay owned by root: the app runs as `node` and has no reason to modify its own code.
# package.json is kept because Node reads its "type" to decide how to load dist/*.js.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/libs ./dist/libs
COPY --from=build /app/dist/apps/${SERVICE} ./dist/apps/${SERVICE}

# Bake the service's entry points into fixed paths, so that CMD can be exec form (no shell between
# the container runtime and node: SIGTERM reaches the app directly) while the image stays
# parameterised. Node resolves the symlink, so __dirname and relative requires are those of
# dist/apps/${SERVICE}/src.
RUN set -eu; \
    test -f "dist/apps/${SERVICE}/src/main.js" || { echo "No dist/apps/${SERVICE}/src/main.js: unknown SERVICE '${SERVICE}'" >&2; exit 1; }; \
    ln -s "dist/apps/${SERVICE}/src/main.js" main.js; \
    ln -s "dist/apps/${SERVICE}/src/migrate.js" migrate.js

USER node
EXPOSE ${PORT}

# Liveness only (no database): Kubernetes ignores HEALTHCHECK and uses its own probes; this serves
# `docker run` and compose. Node's fetch, because the slim image has no curl or wget.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health/live', { signal: AbortSignal.timeout(2500) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# `node migrate.js` runs the migrations and exits (they also run on start, under an advisory lock).
CMD ["node", "main.js"]
