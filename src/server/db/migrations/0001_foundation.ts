// Foundation schema: tenants, organizations, offices, staff, sessions, the audit
// trail, and the core of the consultee record that the choke point guards.
//
// Rules carried by this migration (ARCHITECTURE §4):
// - every table has tenant_id in its primary key and foreign keys (rule 5);
// - row-level security is enabled and FORCEd on every table, so that even the
//   owner sees only the tenant named in the transaction's app.tenant_id;
// - records of consultees are also separated by organization (app.org_ids);
// - the audit trail is hash-chained by a trigger and cannot be updated, deleted
//   or truncated (rule 6).

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;

    CREATE FUNCTION app_current_tenant() RETURNS uuid
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

    CREATE FUNCTION app_current_orgs() RETURNS uuid[]
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT coalesce(string_to_array(nullif(current_setting('app.org_ids', true), ''), ',')::uuid[], '{}') $$;

    -- Tenants: the municipality whose program it is.
    CREATE TABLE tenants (
      tenant_id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      mfa_required_for_all boolean NOT NULL DEFAULT false,
      session_idle_minutes integer NOT NULL DEFAULT 15 CHECK (session_idle_minutes BETWEEN 5 AND 120),
      session_absolute_hours integer NOT NULL DEFAULT 12 CHECK (session_absolute_hours BETWEEN 1 AND 24),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    -- Organizations inside a tenant: the municipality's own section, or a contractor (委託先) such as a 社協.
    CREATE TABLE organizations (
      tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
      organization_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('municipality', 'contractor')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, organization_id)
    );

    -- Offices (窓口) of an organization.
    CREATE TABLE offices (
      tenant_id uuid NOT NULL,
      office_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, office_id),
      UNIQUE (tenant_id, office_id, organization_id),
      FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, organization_id)
    );

    -- Staff (職員等, CLS-3) and their accounts.
    CREATE TABLE staff (
      tenant_id uuid NOT NULL,
      staff_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      office_id uuid,
      login text NOT NULL CHECK (login ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
      display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
      display_name_kana text NOT NULL DEFAULT '' CHECK (length(display_name_kana) <= 100),
      employment_kind text NOT NULL CHECK (employment_kind IN ('employee', 'director', 'temporary', 'dispatched', 'trainee')),
      roles text[] NOT NULL CHECK (
        cardinality(roles) >= 1 AND roles <@ ARRAY[
          'support_worker', 'chief_support_worker', 'employment_support_worker',
          'household_budget_support_worker', 'clerk', 'privacy_protection_manager',
          'complaint_lead', 'municipal_supervisor', 'system_administrator']::text[]),
      confidentiality_pledged_on date,
      employment_ended_on date,
      password_hash text NOT NULL,
      password_needs_mfa boolean NOT NULL DEFAULT false,
      must_change_password boolean NOT NULL DEFAULT true,
      password_changed_at timestamptz,
      totp_secret bytea,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      disabled_at timestamptz,
      last_sign_in_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, staff_id),
      UNIQUE (tenant_id, login),
      FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, organization_id),
      FOREIGN KEY (tenant_id, office_id, organization_id) REFERENCES offices (tenant_id, office_id, organization_id)
    );

    -- Failed sign-ins per login name, whether or not the login exists, so that a
    -- lockout looks the same for every name and reveals nothing (SEC-4). The name is
    -- kept only as a keyed hash.
    CREATE TABLE sign_in_throttle (
      tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
      login_key bytea NOT NULL,
      failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
      locked_until timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, login_key)
    );

    -- Sessions live in PostgreSQL so that several app processes can serve one database.
    -- Only the SHA-256 of the token is stored.
    CREATE TABLE sessions (
      tenant_id uuid NOT NULL,
      session_id uuid NOT NULL,
      token_hash bytea NOT NULL,
      staff_id uuid NOT NULL,
      stage text NOT NULL CHECK (stage IN ('mfa_verify', 'password_change', 'mfa_enrol', 'active')),
      mfa_verified boolean NOT NULL DEFAULT false,
      pending_totp_secret bytea,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      ended_at timestamptz,
      end_reason text CHECK (end_reason IN ('logout', 'idle_timeout', 'absolute_timeout', 'disabled', 'password_changed', 'superseded')),
      client_ip text,
      user_agent text,
      PRIMARY KEY (tenant_id, session_id),
      UNIQUE (tenant_id, token_hash),
      FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, staff_id)
    );
    CREATE INDEX sessions_staff ON sessions (tenant_id, staff_id) WHERE ended_at IS NULL;

    -- Consultees (相談者) and the cases that assign them to workers. Issue 3 completes them.
    CREATE TABLE consultees (
      tenant_id uuid NOT NULL,
      consultee_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      office_id uuid NOT NULL,
      family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 50),
      given_name text NOT NULL DEFAULT '' CHECK (length(given_name) <= 50),
      family_name_kana text NOT NULL DEFAULT '' CHECK (length(family_name_kana) <= 50),
      given_name_kana text NOT NULL DEFAULT '' CHECK (length(given_name_kana) <= 50),
      sex text CHECK (sex IN ('male', 'female', 'other')),
      birth_date date,
      postal_code text CHECK (postal_code ~ '^[0-9]{3}-?[0-9]{4}$'),
      address text CHECK (length(address) <= 200),
      phone text CHECK (length(phone) <= 30),
      health_summary text CHECK (length(health_summary) <= 2000),
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, consultee_id),
      UNIQUE (tenant_id, consultee_id, organization_id),
      FOREIGN KEY (tenant_id, office_id, organization_id) REFERENCES offices (tenant_id, office_id, organization_id),
      FOREIGN KEY (tenant_id, created_by) REFERENCES staff (tenant_id, staff_id)
    );

    CREATE TABLE cases (
      tenant_id uuid NOT NULL,
      case_id uuid NOT NULL,
      consultee_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      office_id uuid NOT NULL,
      program text NOT NULL CHECK (program IN ('self_reliance', 'household_budget')),
      opened_on date NOT NULL,
      closed_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, case_id),
      UNIQUE (tenant_id, case_id, organization_id),
      FOREIGN KEY (tenant_id, consultee_id, organization_id) REFERENCES consultees (tenant_id, consultee_id, organization_id),
      FOREIGN KEY (tenant_id, office_id, organization_id) REFERENCES offices (tenant_id, office_id, organization_id)
    );
    CREATE INDEX cases_consultee ON cases (tenant_id, consultee_id);

    -- The lead worker and co-workers of a case (ケース担当).
    CREATE TABLE case_workers (
      tenant_id uuid NOT NULL,
      case_id uuid NOT NULL,
      staff_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      role text NOT NULL CHECK (role IN ('lead', 'co')),
      assigned_at timestamptz NOT NULL DEFAULT now(),
      assigned_by uuid NOT NULL,
      PRIMARY KEY (tenant_id, case_id, staff_id),
      FOREIGN KEY (tenant_id, case_id, organization_id) REFERENCES cases (tenant_id, case_id, organization_id),
      FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, staff_id),
      FOREIGN KEY (tenant_id, assigned_by) REFERENCES staff (tenant_id, staff_id)
    );
    CREATE UNIQUE INDEX case_workers_one_lead ON case_workers (tenant_id, case_id) WHERE role = 'lead';
    CREATE INDEX case_workers_staff ON case_workers (tenant_id, staff_id);

    -- The audit trail. Rows are chained by the trigger below; the app may only insert and read.
    CREATE SEQUENCE audit_event_seq AS bigint;

    CREATE TABLE audit_chain_heads (
      tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
      chain_no smallint NOT NULL CHECK (chain_no >= 0),
      last_seq bigint NOT NULL DEFAULT 0,
      last_hash text NOT NULL DEFAULT repeat('0', 64),
      PRIMARY KEY (tenant_id, chain_no)
    ) WITH (fillfactor = 10);  -- updated on every event: room on each page for HOT updates

    CREATE TABLE audit_events (
      tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
      event_id bigint NOT NULL,
      chain_no smallint NOT NULL,
      chain_seq bigint NOT NULL,
      occurred_at timestamptz NOT NULL,
      category text NOT NULL CHECK (category IN ('access', 'auth', 'admin')),
      action text NOT NULL CHECK (action ~ '^[a-z_.]{2,64}$'),
      outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
      actor_staff_id uuid,
      actor_organization_id uuid,
      record_organization_id uuid,
      record_kind text CHECK (record_kind ~ '^[a-z_]{2,40}$'),
      record_ids uuid[] NOT NULL DEFAULT '{}',
      subject_ids uuid[] NOT NULL DEFAULT '{}',
      data_classes text[] NOT NULL DEFAULT '{}',
      purpose text,
      scope_basis text CHECK (scope_basis IN ('assigned', 'office', 'organization', 'tenant')),
      request_id text,
      client_ip text,
      details jsonb NOT NULL DEFAULT '{}',
      prev_hash text NOT NULL,
      hash text NOT NULL,
      PRIMARY KEY (tenant_id, event_id),
      UNIQUE (tenant_id, chain_no, chain_seq)
    );
    CREATE INDEX audit_events_time ON audit_events (tenant_id, occurred_at DESC);
    CREATE INDEX audit_events_actor ON audit_events (tenant_id, actor_staff_id, occurred_at DESC);
    CREATE INDEX audit_events_subjects ON audit_events USING gin (subject_ids);
  `.execute(db);

  await sql`
    -- Must be the same expression as CANONICAL_ROW in src/server/core/audit-chain.ts.
    -- The time is rendered as microseconds since the epoch: the text form of a
    -- timestamptz depends on the session's TimeZone and DateStyle.
    CREATE FUNCTION audit_canonical(e audit_events) RETURNS text
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT ROW(e.tenant_id, e.event_id, e.chain_no, e.chain_seq,
        (extract(epoch FROM e.occurred_at) * 1000000)::bigint, e.category,
        e.action, e.outcome, e.actor_staff_id, e.actor_organization_id, e.record_organization_id,
        e.record_kind, e.record_ids, e.subject_ids, e.data_classes, e.purpose, e.scope_basis,
        e.request_id, e.client_ip, e.details)::text $$;

    -- Runs as the owner: the app role has no access to the chain heads at all.
    -- A transaction takes the first chain no other transaction holds, by a
    -- transaction-scoped advisory lock (no row lock to write), so that concurrent
    -- requests do not queue behind one another. The lock is re-entrant, so a
    -- transaction that already holds a chain always gets one without waiting; only
    -- when every chain is busy does a transaction that holds none wait: no deadlocks.
    -- No SET clause on purpose: the function must run within the caller's settings.
    -- Every relation and function is schema-qualified instead.
    CREATE FUNCTION audit_events_chain() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER
      AS $$
      DECLARE
        head public.audit_chain_heads%ROWTYPE;
        lock_key integer := pg_catalog.hashtext(NEW.tenant_id::text);
        k integer;
      BEGIN
        FOR k IN 0..7 LOOP
          IF pg_catalog.pg_try_advisory_xact_lock(lock_key, k) THEN
            SELECT * INTO head FROM public.audit_chain_heads WHERE tenant_id = NEW.tenant_id AND chain_no = k;
            EXIT;
          END IF;
        END LOOP;
        IF head.tenant_id IS NULL THEN
          k := pg_catalog.floor(pg_catalog.random() * 8)::integer;
          PERFORM pg_catalog.pg_advisory_xact_lock(lock_key, k);
          SELECT * INTO head FROM public.audit_chain_heads WHERE tenant_id = NEW.tenant_id AND chain_no = k;
        END IF;
        IF head.tenant_id IS NULL THEN
          RAISE EXCEPTION 'no audit chain for tenant %', NEW.tenant_id;
        END IF;
        NEW.event_id := pg_catalog.nextval('public.audit_event_seq');
        NEW.occurred_at := pg_catalog.clock_timestamp();
        NEW.chain_no := head.chain_no;
        NEW.chain_seq := head.last_seq + 1;
        NEW.prev_hash := head.last_hash;
        NEW.hash := pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
          NEW.prev_hash || E'\\n' || public.audit_canonical(NEW), 'UTF8')), 'hex');
        UPDATE public.audit_chain_heads SET last_seq = NEW.chain_seq, last_hash = NEW.hash
          WHERE tenant_id = NEW.tenant_id AND chain_no = head.chain_no;
        RETURN NEW;
      END $$;

    CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_chain();

    CREATE FUNCTION audit_events_immutable() RETURNS trigger
      LANGUAGE plpgsql
      AS $$ BEGIN
        RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;

    CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_immutable();
    CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_immutable();
    CREATE TRIGGER audit_chain_heads_no_delete BEFORE DELETE ON audit_chain_heads
      FOR EACH ROW EXECUTE FUNCTION audit_events_immutable();
    CREATE TRIGGER audit_chain_heads_no_truncate BEFORE TRUNCATE ON audit_chain_heads
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_immutable();

    -- Each new tenant gets its audit chains.
    CREATE FUNCTION tenants_create_audit_chains() RETURNS trigger
      LANGUAGE plpgsql
      AS $$ BEGIN
        INSERT INTO audit_chain_heads (tenant_id, chain_no)
          SELECT NEW.tenant_id, n FROM generate_series(0, 7) AS n;
        RETURN NEW;
      END $$;
    CREATE TRIGGER tenants_create_audit_chains AFTER INSERT ON tenants
      FOR EACH ROW EXECUTE FUNCTION tenants_create_audit_chains();

    -- Sign-in names a tenant by its code before any tenant is in context. This is
    -- the one lookup across tenants the app may make, and it answers only the id.
    CREATE FUNCTION tenant_id_by_code(p_code text) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ SELECT tenant_id FROM tenants WHERE code = p_code $$;
    REVOKE ALL ON FUNCTION tenant_id_by_code(text) FROM PUBLIC;

    -- Every authenticated request starts here: one round trip that sets the tenant
    -- named by the cookie (for the rest of the statement's transaction only) and
    -- reads the session with its staff member, tenant settings and organizations.
    -- It runs as the caller, so row-level security applies as everywhere else.
    CREATE FUNCTION session_by_token(p_tenant uuid, p_token_hash bytea)
      RETURNS TABLE (
        session_id uuid, tenant_id uuid, staff_id uuid, stage text, mfa_verified boolean,
        pending_totp_secret bytea, created_at timestamptz, last_seen_at timestamptz, ended_at timestamptz,
        tenant_code text, tenant_name text, mfa_required_for_all boolean,
        session_idle_minutes integer, session_absolute_hours integer,
        login text, display_name text, roles text[], organization_id uuid, office_id uuid,
        disabled_at timestamptz, totp_enabled_at timestamptz, password_needs_mfa boolean,
        organization_kind text, organization_name text, office_name text, organization_ids uuid[])
      LANGUAGE plpgsql VOLATILE
      AS $$
      #variable_conflict use_column
      BEGIN
        PERFORM pg_catalog.set_config('app.tenant_id', p_tenant::text, true);
        RETURN QUERY
          SELECT s.session_id, s.tenant_id, s.staff_id, s.stage, s.mfa_verified,
            s.pending_totp_secret, s.created_at, s.last_seen_at, s.ended_at,
            t.code, t.name, t.mfa_required_for_all, t.session_idle_minutes, t.session_absolute_hours,
            st.login, st.display_name, st.roles, st.organization_id, st.office_id,
            st.disabled_at, st.totp_enabled_at, st.password_needs_mfa,
            o.kind, o.name, f.name,
            ARRAY(SELECT o2.organization_id FROM public.organizations o2 WHERE o2.tenant_id = s.tenant_id)
          FROM public.sessions s
          JOIN public.staff st ON st.tenant_id = s.tenant_id AND st.staff_id = s.staff_id
          JOIN public.tenants t ON t.tenant_id = s.tenant_id
          JOIN public.organizations o ON o.tenant_id = st.tenant_id AND o.organization_id = st.organization_id
          LEFT JOIN public.offices f ON f.tenant_id = st.tenant_id AND f.office_id = st.office_id
          WHERE s.tenant_id = p_tenant AND s.token_hash = p_token_hash;
      END $$;
  `.execute(db);

  // Row-level security on every table, FORCEd so that the owner is bound too.
  for (const table of [
    'tenants',
    'organizations',
    'offices',
    'staff',
    'sign_in_throttle',
    'sessions',
    'consultees',
    'cases',
    'case_workers',
    'audit_chain_heads',
    'audit_events',
  ]) {
    await sql`
      ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY;
      ALTER TABLE ${sql.table(table)} FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON ${sql.table(table)}
        USING (tenant_id = app_current_tenant())
        WITH CHECK (tenant_id = app_current_tenant());
    `.execute(db);
  }
  // Consultees' records are separated by organization as well: a contractor's staff
  // and the municipality's own section share the tenant but not each other's cases.
  for (const table of ['consultees', 'cases', 'case_workers']) {
    await sql`
      CREATE POLICY organization_isolation ON ${sql.table(table)} AS RESTRICTIVE
        USING (organization_id = ANY (app_current_orgs()))
        WITH CHECK (organization_id = ANY (app_current_orgs()));
    `.execute(db);
  }
  await sql`
    CREATE POLICY organization_isolation ON audit_events AS RESTRICTIVE FOR SELECT
      USING (actor_organization_id IS NULL
        OR actor_organization_id = ANY (app_current_orgs())
        OR record_organization_id = ANY (app_current_orgs()));
    -- The owner (migrations, the command line) may list tenants, to resolve a code
    -- or to verify every tenant's audit chains; it still sees one tenant's rows at a time elsewhere.
    CREATE POLICY owner_lists_tenants ON tenants FOR SELECT TO CURRENT_USER USING (true);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted; restore from a backup instead.');
}
