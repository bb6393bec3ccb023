/** The conditional-request cache in the database: the ETag and body of each URL's last 200 answer. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { httpValidators } from './schema.js';

/** A URL's last validator and the body it validates; what conditional-request clients keep. */
export interface ValidatorCache {
  get(url: string): Promise<{ etag: string; body: unknown } | undefined>;
  set(url: string, etag: string, body: unknown): Promise<void>;
}

export function databaseCache(db: Db): ValidatorCache {
  return {
    async get(url) {
      const [row] = await db.select({ etag: httpValidators.etag, body: httpValidators.body }).from(httpValidators).where(eq(httpValidators.url, url));
      return row;
    },
    async set(url, etag, body) {
      await db
        .insert(httpValidators)
        .values({ url, etag, body })
        .onConflictDoUpdate({ target: httpValidators.url, set: { etag, body, updatedAt: sql`now()` } });
    },
  };
}
