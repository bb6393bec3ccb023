import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/store/schema.ts', './src/store/schema-events.ts', './src/store/schema-links.ts', './src/store/schema-topics.ts'],
  out: './drizzle',
});
