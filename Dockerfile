FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
# The build makes the new embedded database's template from the migrations (src/store/pglite-template.ts).
COPY drizzle ./drizzle
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY drizzle ./drizzle
USER node
ENTRYPOINT ["node", "dist/cli/main.js"]
CMD ["schedule"]
