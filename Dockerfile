# syntax=docker/dockerfile:1
# The bot as a container: built with scripts/buildProduction.sh (the script CI runs), served by
# `node dist/index.js` as a non-root user. See docs/deploy.md.
#   docker build -t assistant-rh .
#   docker run --env-file .env -p 3978:3978 assistant-rh

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: install everything, compile, prune the dev dependencies ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.npm sh scripts/buildProduction.sh

# --- runtime: the pruned tree only, no compiler, no npm cache ---
FROM ${NODE_IMAGE}
# MALLOC_ARENA_MAX=2: glibc keeps fewer per-thread arenas of freed memory, so RSS follows the heap.
ENV NODE_ENV=production \
    PORT=3978 \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/knowledge ./knowledge
COPY --from=build /app/dialogs ./dialogs
COPY --from=build /app/language ./language
COPY --from=build /app/public ./public
COPY --from=build /app/appPackage/color.png ./appPackage/color.png
# The image's own `node` user (uid 1000): the files stay root-owned, so the process cannot change them.
USER node
EXPOSE 3978
# /healthz answers 200 once the knowledge base is loaded; Node's fetch, as the slim image has no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM reaches node directly (exec form): in-flight requests finish, then the process exits.
CMD ["node", "dist/index.js"]
