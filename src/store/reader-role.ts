/**
 * On a PostgreSQL server `stackradar sql` runs its statement as a role that may only read
 * (`pg_read_all_data`), so a superuser's other powers (server files, programs, other sessions, settings)
 * do not reach it, even through a function no name check knows. The role has no login and is created
 * on first use, when the connecting user is a superuser and the server has `pg_read_all_data`
 * (PostgreSQL 14+) and lets it; otherwise the statement runs as the user and the name check in
 * sql-guard.ts stands alone.
 */
import type postgres from 'postgres';

export const READER_ROLE = 'stackradar_reader';

/** SQLSTATE duplicate_object: another process created the role first. */
const DUPLICATE = '42710';

export async function readerRole(sql: postgres.Sql): Promise<string | undefined> {
  const [me] = await sql<{ super: boolean; readAll: boolean; exists: boolean }[]>`
    select rolsuper as super,
      exists (select 1 from pg_roles where rolname = 'pg_read_all_data') as "readAll",
      exists (select 1 from pg_roles where rolname = ${READER_ROLE}) as exists
    from pg_roles where rolname = current_user`;
  if (!me?.super || !me.readAll) return undefined;
  if (!me.exists) {
    try {
      await sql.begin(async (tx) => {
        await tx.unsafe(`create role ${READER_ROLE} nologin`);
        await tx.unsafe(`grant pg_read_all_data to ${READER_ROLE}`);
      });
    } catch (error) {
      // A read-only server (a served embedded database) cannot create it: the name check stands alone.
      if ((error as { code?: string }).code !== DUPLICATE) return undefined;
    }
  }
  return READER_ROLE;
}
