// Creates the two roles and the database on a cluster we administer (the
// embedded one, or a throwaway test cluster). On a managed server a DBA does the
// same by hand; README.md gives the SQL.

import pg from 'pg';

export interface RoleSpec {
  name: string;
  password: string;
}

export interface BootstrapSpec {
  database: string;
  owner: RoleSpec;
  app: RoleSpec;
  /** Create the database as a copy of this one (tests), instead of empty. */
  template?: string;
}

export async function ensureRolesAndDatabase(superuserUrl: string, spec: BootstrapSpec): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    for (const [role, attrs] of [
      [spec.owner, 'LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB'],
      // The app role owns nothing and is bound by row-level security.
      [spec.app, 'LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB NOINHERIT'],
    ] as const) {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await client.query(
        `${verb} ROLE ${client.escapeIdentifier(role.name)} ${attrs} PASSWORD ${client.escapeLiteral(role.password)}`,
      );
    }
    const db = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [spec.database]);
    if (!db.rowCount) {
      const template = spec.template ? ` TEMPLATE ${client.escapeIdentifier(spec.template)}` : '';
      await client.query(
        `CREATE DATABASE ${client.escapeIdentifier(spec.database)} OWNER ${client.escapeIdentifier(spec.owner.name)}${template} ENCODING 'UTF8'`,
      );
    }
    const dbId = client.escapeIdentifier(spec.database);
    await client.query(`REVOKE ALL ON DATABASE ${dbId} FROM PUBLIC`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${dbId} TO ${client.escapeIdentifier(spec.owner.name)}`);
    await client.query(`GRANT CONNECT ON DATABASE ${dbId} TO ${client.escapeIdentifier(spec.app.name)}`);
  } finally {
    await client.end();
  }
}

export function withCredentials(url: string, database: string, role: RoleSpec): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role.name);
  u.password = encodeURIComponent(role.password);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}
