# fysio-assistent: the production image. Two stages: one builds (TypeScript, the native SQLite
# addon), the other runs what was built as an unprivileged user, with nothing to compile.
# docker build -t fysio-assistent . && docker run -p 3978:3978 -e MicrosoftAppId=… fysio-assistent

FROM node:24-slim AS build
WORKDIR /app
# better-sqlite3 builds from source where no prebuilt addon can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY dialogs ./dialogs
RUN npm run build && npm prune --omit=dev

FROM node:24-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATA_DIR=/data \
    NODE_COMPILE_CACHE=/tmp/node-compile-cache
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY knowledge ./knowledge
COPY locales ./locales
COPY public ./public
# The web chat page's script and style are read from the sources folder at run time.
COPY src/channels/web/public ./src/channels/web/public
COPY manifest ./manifest
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same flags as npm start (see README: Process and memory).
CMD ["node", "--max-semi-space-size=16", "--heap-growing-percent=100", "dist/src/index.js"]
