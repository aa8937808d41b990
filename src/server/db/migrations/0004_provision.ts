// Where a consultee's data may go (issue 4, first part): the tenant's purposes of
// use as versioned data (PUR-1, PUR-2), the registry of related agencies (CON-4)
// and the agencies a consent names, provision to third parties with its records
// (PRV-1..5, PRV-3, RET-1), receipts from third parties (ACQ-7), and the person's
// stops of use or provision.
//
// As before: tenant_id first in every key, row-level security FORCEd, consultees'
// records separated by organization. By construction here, not only in services:
// - every tenant has purposes: a trigger gives a new tenant the default ones;
// - a provision record cannot be "provided" without its basis (consent, or a
//   ground with its reason and approval), and never carries a My Number item;
// - provision and receipt records say until when they are kept (3 years).

import { sql, type Kysely } from 'kysely';
import { boundedText, isolateOrganizations, isolateTenants, keepHistory } from '../schema-parts.js';
import { PURPOSES, PURPOSE_LABELS, PURPOSE_KINDS } from '../../core/purposes.js';

/** Tables holding consultees' records: organization isolation as well. */
const CONSULTEE_TABLES = ['consent_agencies', 'provision_stops', 'provisions', 'receipts'];

/** Tenant-wide tables (no organization column): only tenant isolation. */
const TENANT_TABLES = ['purpose_codes', 'purpose_versions', 'related_agencies'];

const TEXT = boundedText;

const DEFAULT_PURPOSES = sql.join(
  PURPOSES.map((code) => sql`(${sql.lit(code)}, ${sql.lit(PURPOSE_KINDS[code])}, ${sql.lit(PURPOSE_LABELS[code])})`),
);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Purposes of use (利用目的): one row per purpose, its wording by version (PUR-1, PUR-2).
    CREATE TABLE purpose_codes (
      tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
      purpose_code text NOT NULL CHECK (purpose_code ~ '^[a-z][a-z_]{2,40}$'),
      kind text NOT NULL CHECK (kind IN ('published', 'management')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, purpose_code)
    );
    CREATE TABLE purpose_versions (
      tenant_id uuid NOT NULL,
      purpose_code text NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      ${TEXT('wording', 500, true)},
      effective_from date NOT NULL,
      -- For a change (version ≥ 2): whether the new wording stays within the scope
      -- reasonably related to the old one, why, and the notice to publish (PUR-2).
      within_related_scope boolean,
      ${TEXT('change_reason', 2000)},
      ${TEXT('notice_text', 4000)},
      recorded_by uuid,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, purpose_code, version),
      FOREIGN KEY (tenant_id, purpose_code) REFERENCES purpose_codes (tenant_id, purpose_code),
      FOREIGN KEY (tenant_id, recorded_by) REFERENCES staff (tenant_id, staff_id),
      CHECK (version = 1 OR (within_related_scope IS TRUE AND change_reason IS NOT NULL AND notice_text IS NOT NULL))
    );

    -- The purposes of the tenants that exist already, then of every new one.
    INSERT INTO purpose_codes (tenant_id, purpose_code, kind)
      SELECT t.tenant_id, d.code, d.kind FROM tenants t, (VALUES ${DEFAULT_PURPOSES}) AS d(code, kind, wording);
    INSERT INTO purpose_versions (tenant_id, purpose_code, version, wording, effective_from)
      SELECT t.tenant_id, d.code, 1, d.wording, t.created_at::date
      FROM tenants t, (VALUES ${DEFAULT_PURPOSES}) AS d(code, kind, wording);
    CREATE FUNCTION tenant_default_purposes() RETURNS trigger
      LANGUAGE plpgsql
      AS $$
      BEGIN
        INSERT INTO public.purpose_codes (tenant_id, purpose_code, kind)
          SELECT NEW.tenant_id, d.code, d.kind FROM (VALUES ${DEFAULT_PURPOSES}) AS d(code, kind, wording);
        INSERT INTO public.purpose_versions (tenant_id, purpose_code, version, wording, effective_from)
          SELECT NEW.tenant_id, d.code, 1, d.wording, current_date FROM (VALUES ${DEFAULT_PURPOSES}) AS d(code, kind, wording);
        RETURN NULL;
      END $$;
    CREATE TRIGGER tenants_default_purposes AFTER INSERT ON tenants
      FOR EACH ROW EXECUTE FUNCTION tenant_default_purposes();

    -- The purposes in force, for the choke point: read with the session, in the same round trip.
    CREATE FUNCTION tenant_purposes_in_force(p_tenant uuid) RETURNS text[]
      LANGUAGE sql STABLE
      AS $$
        SELECT coalesce(array_agg(c.purpose_code ORDER BY c.purpose_code), '{}')
        FROM public.purpose_codes c
        WHERE c.tenant_id = p_tenant
          AND EXISTS (SELECT 1 FROM public.purpose_versions v
            WHERE v.tenant_id = c.tenant_id AND v.purpose_code = c.purpose_code AND v.effective_from <= current_date)
      $$;

    -- 関係機関・関係者 (CON-4): the tenant's list; consents and provisions name its entries.
    CREATE TABLE related_agencies (
      tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
      agency_id uuid NOT NULL,
      ${TEXT('name', 100, true)},
      kind text NOT NULL CHECK (kind IN ('administrative', 'employment', 'medical', 'welfare', 'housing', 'legal', 'education', 'police_fire', 'community', 'other')),
      administrative boolean NOT NULL,
      contractor boolean NOT NULL DEFAULT false,
      ${TEXT('address', 200)},
      ${TEXT('representative', 100)},
      ${TEXT('phone', 30)},
      ${TEXT('note', 1000)},
      sort_order integer NOT NULL DEFAULT 0,
      retired_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, agency_id),
      UNIQUE (tenant_id, name),
      CHECK (length(trim(name)) > 0)
    );

    -- The agencies a consent names, besides the kinds of agency it covers.
    CREATE TABLE consent_agencies (
      tenant_id uuid NOT NULL,
      consent_id uuid NOT NULL,
      agency_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      PRIMARY KEY (tenant_id, consent_id, agency_id),
      FOREIGN KEY (tenant_id, agency_id) REFERENCES related_agencies (tenant_id, agency_id)
    );

    -- The person's stop of use or of provision (利用停止・第三者提供の停止), from a request.
    CREATE TABLE provision_stops (
      tenant_id uuid NOT NULL,
      stop_id uuid NOT NULL,
      consultee_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('use', 'provision')),
      from_date date NOT NULL,
      ${TEXT('reason', 2000, true)},
      lifted_on date,
      ${TEXT('lift_reason', 2000)},
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      lifted_by uuid,
      PRIMARY KEY (tenant_id, stop_id),
      FOREIGN KEY (tenant_id, consultee_id, organization_id) REFERENCES consultees (tenant_id, consultee_id, organization_id),
      FOREIGN KEY (tenant_id, recorded_by) REFERENCES staff (tenant_id, staff_id),
      FOREIGN KEY (tenant_id, lifted_by) REFERENCES staff (tenant_id, staff_id),
      CHECK (lifted_on IS NULL OR (lifted_on >= from_date AND lifted_by IS NOT NULL AND lift_reason IS NOT NULL))
    );
    CREATE INDEX provision_stops_consultee ON provision_stops (tenant_id, consultee_id);

    -- A provision (第三者提供, or outsourcing / joint use, which are not) and its record (PRV-3).
    CREATE TABLE provisions (
      tenant_id uuid NOT NULL,
      provision_id uuid NOT NULL,
      consultee_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      mode text NOT NULL CHECK (mode IN ('third_party', 'outsourcing', 'joint_use')),
      status text NOT NULL CHECK (status IN ('awaiting_approval', 'approved', 'rejected', 'provided')),
      purpose_code text NOT NULL,
      recipient_agency_id uuid,
      ${TEXT('recipient_name', 200, true)},
      ${TEXT('recipient_address', 200)},
      many_unspecified boolean NOT NULL DEFAULT false,
      items text[] NOT NULL CHECK (cardinality(items) >= 1 AND NOT ('my_number' = ANY (items))),
      basis text CHECK (basis IN ('consent', 'ground', 'outsourcing', 'joint_use')),
      consent_id uuid,
      ground text CHECK (ground IN ('law', 'life_body_property', 'public_health_children', 'government_cooperation', 'administrative_statutory')),
      ${TEXT('ground_reason', 2000)},
      requested_by uuid NOT NULL,
      requested_at timestamptz NOT NULL DEFAULT now(),
      approved_by uuid,
      approved_at timestamptz,
      ${TEXT('decision_note', 2000)},
      provided_on date,
      provided_by uuid,
      -- What was sent, exactly: the chosen items as they stood at the time.
      sent_values jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      retain_until date NOT NULL,
      PRIMARY KEY (tenant_id, provision_id),
      FOREIGN KEY (tenant_id, consultee_id, organization_id) REFERENCES consultees (tenant_id, consultee_id, organization_id),
      FOREIGN KEY (tenant_id, purpose_code) REFERENCES purpose_codes (tenant_id, purpose_code),
      FOREIGN KEY (tenant_id, recipient_agency_id) REFERENCES related_agencies (tenant_id, agency_id),
      FOREIGN KEY (tenant_id, consent_id) REFERENCES consents (tenant_id, consent_id),
      FOREIGN KEY (tenant_id, requested_by) REFERENCES staff (tenant_id, staff_id),
      FOREIGN KEY (tenant_id, approved_by) REFERENCES staff (tenant_id, staff_id),
      FOREIGN KEY (tenant_id, provided_by) REFERENCES staff (tenant_id, staff_id),
      CHECK (many_unspecified OR recipient_agency_id IS NOT NULL),
      CHECK (ground IS NULL OR ground_reason IS NOT NULL),
      CHECK (status <> 'approved' OR (approved_by IS NOT NULL AND ground IS NOT NULL)),
      CHECK (status <> 'provided' OR (provided_on IS NOT NULL AND provided_by IS NOT NULL AND sent_values IS NOT NULL AND basis IS NOT NULL)),
      CHECK (basis IS DISTINCT FROM 'consent' OR consent_id IS NOT NULL),
      CHECK (basis IS DISTINCT FROM 'ground' OR (ground IS NOT NULL AND approved_by IS NOT NULL)),
      CHECK (retain_until > created_at::date)
    );
    CREATE INDEX provisions_consultee ON provisions (tenant_id, consultee_id, created_at);
    CREATE INDEX provisions_awaiting ON provisions (tenant_id, status) WHERE status = 'awaiting_approval';

    -- Personal data received from a third party, with what was confirmed (ACQ-7).
    CREATE TABLE receipts (
      tenant_id uuid NOT NULL,
      receipt_id uuid NOT NULL,
      consultee_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      received_on date NOT NULL,
      provider_agency_id uuid,
      ${TEXT('provider_name', 200, true)},
      ${TEXT('provider_address', 200, true)},
      ${TEXT('provider_representative', 100, true)},
      ${TEXT('how_obtained', 2000, true)},
      items text[] NOT NULL CHECK (cardinality(items) >= 1),
      ${TEXT('items_note', 1000)},
      consent_id uuid,
      ${TEXT('consent_note', 1000)},
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      retain_until date NOT NULL,
      PRIMARY KEY (tenant_id, receipt_id),
      FOREIGN KEY (tenant_id, consultee_id, organization_id) REFERENCES consultees (tenant_id, consultee_id, organization_id),
      FOREIGN KEY (tenant_id, provider_agency_id) REFERENCES related_agencies (tenant_id, agency_id),
      FOREIGN KEY (tenant_id, consent_id) REFERENCES consents (tenant_id, consent_id),
      FOREIGN KEY (tenant_id, recorded_by) REFERENCES staff (tenant_id, staff_id),
      CHECK (length(trim(provider_name)) > 0 AND length(trim(provider_address)) > 0
        AND length(trim(provider_representative)) > 0 AND length(trim(how_obtained)) > 0),
      CHECK (retain_until > recorded_at::date)
    );
    CREATE INDEX receipts_consultee ON receipts (tenant_id, consultee_id, received_on);
  `.execute(db);

  // The consent-agency link belongs to the consent's consultee: the organization must match.
  await sql`
    ALTER TABLE consents ADD CONSTRAINT consents_org_unique UNIQUE (tenant_id, consent_id, organization_id);
    ALTER TABLE consent_agencies ADD FOREIGN KEY (tenant_id, consent_id, organization_id)
      REFERENCES consents (tenant_id, consent_id, organization_id);
  `.execute(db);

  // Every change to these records is kept, as for casework (record_history_capture of 0003).
  await keepHistory(db, [
    ['provision_stops', 'stop_id', 'consultee_id'],
    ['provisions', 'provision_id', 'consultee_id'],
    ['receipts', 'receipt_id', 'consultee_id'],
  ]);
  await isolateTenants(db, [...TENANT_TABLES, ...CONSULTEE_TABLES]);
  await isolateOrganizations(db, CONSULTEE_TABLES);

  // The session now carries the tenant's purposes in force (rule 2: the declared purpose must be one of them).
  await sql`
    DROP FUNCTION session_by_token(uuid, bytea);
    CREATE FUNCTION session_by_token(p_tenant uuid, p_token_hash bytea)
      RETURNS TABLE (
        session_id uuid, tenant_id uuid, staff_id uuid, stage text, mfa_verified boolean,
        pending_totp_secret bytea, created_at timestamptz, last_seen_at timestamptz, ended_at timestamptz,
        tenant_code text, tenant_name text, mfa_required_for_all boolean,
        session_idle_minutes integer, session_absolute_hours integer,
        login text, display_name text, roles text[], organization_id uuid, office_id uuid,
        disabled_at timestamptz, totp_enabled_at timestamptz, password_needs_mfa boolean,
        organization_kind text, organization_name text, office_name text, organization_ids uuid[],
        purpose_codes text[])
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
            ARRAY(SELECT o2.organization_id FROM public.organizations o2 WHERE o2.tenant_id = s.tenant_id),
            public.tenant_purposes_in_force(s.tenant_id)
          FROM public.sessions s
          JOIN public.staff st ON st.tenant_id = s.tenant_id AND st.staff_id = s.staff_id
          JOIN public.tenants t ON t.tenant_id = s.tenant_id
          JOIN public.organizations o ON o.tenant_id = st.tenant_id AND o.organization_id = st.organization_id
          LEFT JOIN public.offices f ON f.tenant_id = st.tenant_id AND f.office_id = st.office_id
          WHERE s.tenant_id = p_tenant AND s.token_hash = p_token_hash;
      END $$;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Restore from a backup instead of reverting migrations.');
}
