// Where a consultee's data may go (issue 4, second part): use outside the purpose
// through its approval flow (PUR-3, PRV-6), the register of operations handling
// personal information with its history (PUR-5, RET-4), joint-use declarations and
// their notices (PRV-2), the log of every export with its second approval (PRV-7),
// My Number sealed in its own table (ACQ-4, PRV-4, RET-3), and what the tenant
// publishes (DSR-1, PUB-1).
//
// By construction here, not only in services:
// - an export of more than one person's data cannot be marked done without an
//   approval by someone other than the requester;
// - My Number is held only as AES-256-GCM ciphertext with its key id; the database
//   never sees the key, and no history trigger copies the row;
// - register entries and joint-use declarations change only by adding a version;
// - an out-of-purpose request is decided only after the privacy counter's opinion,
//   and after the council's answer when the council was consulted.

import { sql, type Kysely } from 'kysely';
import { boundedText, isolateOrganizations, isolateTenants, keepHistory } from '../schema-parts.js';
import { MY_NUMBER_BASES } from '../../core/my-number.js';

/** Tables holding consultees' records: organization isolation as well. */
const CONSULTEE_TABLES = ['out_of_purpose_requests', 'out_of_purpose_opinions', 'my_numbers', 'my_number_erasures'];

/** Tenant-wide tables: only tenant isolation (the export log also by organization). */
const TENANT_TABLES = [
  'register_entries',
  'register_versions',
  'joint_use_declarations',
  'joint_use_versions',
  'exports',
  'tenant_public_profiles',
];

const TEXT = boundedText;

const GROUNDS = sql.raw(
  `('law', 'life_body_property', 'public_health_children', 'government_cooperation', 'administrative_statutory')`,
);
const BASES = sql.raw(`(${MY_NUMBER_BASES.map((b) => `'${b}'`).join(', ')})`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- My Number handlers are designated by name (事務取扱担当者, ACQ-4).
    ALTER TABLE staff ADD COLUMN my_number_handler boolean NOT NULL DEFAULT false;

    -- Use or provision outside the purposes (目的外利用・提供) and its approval flow (PUR-3, PRV-6):
    -- the requesting section asks; the privacy counter gives its opinion; the advisory
    -- council may be consulted (諮問) and answers (答申); the head decides.
    CREATE TABLE out_of_purpose_requests (
      tenant_id uuid NOT NULL,
      request_id uuid NOT NULL,
      consultee_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('use', 'provision', 'online_linkage')),
      ${TEXT('requesting_section', 100, true)},
      ${TEXT('use_description', 2000, true)},
      recipient_agency_id uuid,
      ${TEXT('recipient_name', 200)},
      items text[] NOT NULL CHECK (cardinality(items) >= 1 AND NOT ('my_number' = ANY (items))),
      ${TEXT('items_reason', 2000, true)},
      basis text NOT NULL CHECK (basis IN ('consent', 'ground')),
      consent_id uuid,
      ground text CHECK (ground IN ${GROUNDS}),
      ${TEXT('reason', 2000, true)},
      status text NOT NULL CHECK (status IN ('counter', 'council', 'decision', 'approved', 'rejected', 'withdrawn')),
      requested_by uuid NOT NULL,
      requested_at timestamptz NOT NULL DEFAULT now(),
      ${TEXT('counter_opinion', 4000)},
      counter_by uuid,
      counter_at timestamptz,
      council_required boolean,
      ${TEXT('council_name', 200)},
      council_referred_on date,
      ${TEXT('council_answer', 4000)},
      council_answered_on date,
      decision text CHECK (decision IN ('approved', 'rejected')),
      ${TEXT('decided_in_name_of', 100)},
      decided_on date,
      ${TEXT('decision_note', 2000)},
      decided_by uuid,
      decided_at timestamptz,
      PRIMARY KEY (tenant_id, request_id),
      UNIQUE (tenant_id, request_id, organization_id),
      FOREIGN KEY (tenant_id, consultee_id, organization_id) REFERENCES consultees (tenant_id, consultee_id, organization_id),
      FOREIGN KEY (tenant_id, recipient_agency_id) REFERENCES related_agencies (tenant_id, agency_id),
      FOREIGN KEY (tenant_id, consent_id) REFERENCES consents (tenant_id, consent_id),
      FOREIGN KEY (tenant_id, requested_by) REFERENCES staff (tenant_id, staff_id),
      FOREIGN KEY (tenant_id, counter_by) REFERENCES staff (tenant_id, staff_id),
      FOREIGN KEY (tenant_id, decided_by) REFERENCES staff (tenant_id, staff_id),
      CHECK (basis <> 'consent' OR consent_id IS NOT NULL),
      CHECK (basis <> 'ground' OR ground IS NOT NULL),
      CHECK (kind = 'use' OR recipient_agency_id IS NOT NULL OR recipient_name IS NOT NULL),
      CHECK (status IN ('counter', 'withdrawn') OR (counter_opinion IS NOT NULL AND counter_by IS NOT NULL AND council_required IS NOT NULL)),
      CHECK (council_required IS NOT TRUE OR status IN ('counter', 'council', 'withdrawn') OR (council_answer IS NOT NULL AND council_answered_on IS NOT NULL)),
      CHECK ((status IN ('approved', 'rejected')) = (decision IS NOT NULL)),
      CHECK (decision IS NULL OR (decided_by IS NOT NULL AND decided_on IS NOT NULL AND decided_in_name_of IS NOT NULL)),
      CHECK (decided_by IS NULL OR decided_by <> requested_by)
    );
    CREATE INDEX out_of_purpose_consultee ON out_of_purpose_requests (tenant_id, consultee_id, requested_at);
    CREATE INDEX out_of_purpose_open ON out_of_purpose_requests (tenant_id, status)
      WHERE status IN ('counter', 'council', 'decision');

    -- Opinions attached to a request (意見書): of the council's members, the section, the person.
    CREATE TABLE out_of_purpose_opinions (
      tenant_id uuid NOT NULL,
      opinion_id uuid NOT NULL,
      request_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      ${TEXT('author', 200, true)},
      ${TEXT('body', 8000, true)},
      given_on date NOT NULL,
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, opinion_id),
      FOREIGN KEY (tenant_id, request_id, organization_id)
        REFERENCES out_of_purpose_requests (tenant_id, request_id, organization_id),
      FOREIGN KEY (tenant_id, recorded_by) REFERENCES staff (tenant_id, staff_id)
    );

    -- The register of operations handling personal information (個人情報ファイル簿 /
    -- 業務概要説明書, PUR-5): one entry per operation; every start, change and
    -- abolition is a new version, and an abolished entry is shown until its data's
    -- retention ends (RET-4).
    CREATE TABLE register_entries (
      tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
      entry_id uuid NOT NULL,
      ${TEXT('code', 30, true)},
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, entry_id),
      UNIQUE (tenant_id, code)
    );
    CREATE TABLE register_versions (
      tenant_id uuid NOT NULL,
      entry_id uuid NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      change_kind text NOT NULL CHECK (change_kind IN ('start', 'change', 'abolition')),
      effective_on date NOT NULL,
      ${TEXT('name', 200, true)},
      ${TEXT('section', 200, true)},
      ${TEXT('items', 4000, true)},
      purpose_codes text[] NOT NULL CHECK (cardinality(purpose_codes) >= 1),
      ${TEXT('purposes_note', 2000)},
      ${TEXT('methods', 2000, true)},
      ${TEXT('sources', 2000, true)},
      ${TEXT('recipients', 2000, true)},
      ${TEXT('media', 500, true)},
      ${TEXT('retention', 500, true)},
      retention_years integer NOT NULL CHECK (retention_years BETWEEN 0 AND 100),
      ${TEXT('record_count', 100)},
      published boolean NOT NULL DEFAULT true,
      keep_until date,
      ${TEXT('change_reason', 2000)},
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, entry_id, version),
      FOREIGN KEY (tenant_id, entry_id) REFERENCES register_entries (tenant_id, entry_id),
      FOREIGN KEY (tenant_id, recorded_by) REFERENCES staff (tenant_id, staff_id),
      CHECK ((change_kind = 'start') = (version = 1)),
      CHECK (change_kind = 'start' OR change_reason IS NOT NULL),
      CHECK ((change_kind = 'abolition') = (keep_until IS NOT NULL)),
      CHECK (keep_until IS NULL OR keep_until >= effective_on)
    );

    -- Joint use (共同利用, PRV-2): what was announced, by version; a change says
    -- which kinds of thing changed and by when the notice is due.
    CREATE TABLE joint_use_declarations (
      tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
      declaration_id uuid NOT NULL,
      ${TEXT('title', 200, true)},
      created_at timestamptz NOT NULL DEFAULT now(),
      ended_on date,
      PRIMARY KEY (tenant_id, declaration_id)
    );
    CREATE TABLE joint_use_versions (
      tenant_id uuid NOT NULL,
      declaration_id uuid NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      items text[] NOT NULL CHECK (cardinality(items) >= 1 AND NOT ('my_number' = ANY (items))),
      user_agency_ids uuid[] NOT NULL CHECK (cardinality(user_agency_ids) >= 1),
      ${TEXT('users_note', 2000)},
      purposes text[] NOT NULL CHECK (cardinality(purposes) >= 1),
      -- The responsible party: an agency of the list, or the tenant itself when null.
      responsible_agency_id uuid,
      ${TEXT('responsible_name', 200, true)},
      ${TEXT('responsible_address', 200, true)},
      ${TEXT('responsible_representative', 100, true)},
      changed_on date NOT NULL,
      effective_from date NOT NULL,
      change_kinds text[] NOT NULL DEFAULT '{}',
      notice_due_on date,
      notice_on date,
      ${TEXT('change_note', 2000)},
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, declaration_id, version),
      FOREIGN KEY (tenant_id, declaration_id) REFERENCES joint_use_declarations (tenant_id, declaration_id),
      FOREIGN KEY (tenant_id, responsible_agency_id) REFERENCES related_agencies (tenant_id, agency_id),
      FOREIGN KEY (tenant_id, recorded_by) REFERENCES staff (tenant_id, staff_id),
      CHECK ((version = 1) = (cardinality(change_kinds) = 0)),
      CHECK (version = 1 OR notice_due_on IS NOT NULL),
      CHECK (effective_from >= changed_on)
    );

    ALTER TABLE provisions ADD COLUMN joint_use_declaration_id uuid;
    ALTER TABLE provisions ADD FOREIGN KEY (tenant_id, joint_use_declaration_id)
      REFERENCES joint_use_declarations (tenant_id, declaration_id);
    ALTER TABLE provisions ADD CHECK (basis IS DISTINCT FROM 'joint_use' OR joint_use_declaration_id IS NOT NULL);

    -- Every export, print or download of personal data (PRV-7): what, for whom, why;
    -- more than one person's data needs a second person's approval first.
    CREATE TABLE exports (
      tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
      export_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{2,40}$'),
      format text NOT NULL CHECK (format IN ('pdf', 'csv', 'image')),
      purpose_code text NOT NULL,
      consultee_ids uuid[] NOT NULL CHECK (cardinality(consultee_ids) >= 1),
      items text[] NOT NULL DEFAULT '{}' CHECK (NOT ('my_number' = ANY (items))),
      ${TEXT('description', 500, true)},
      ${TEXT('reason', 2000)},
      -- The parameters the file was made from, so that the approved file is the one made.
      parameters jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL CHECK (status IN ('awaiting_approval', 'approved', 'rejected', 'done')),
      requested_by uuid NOT NULL,
      requested_at timestamptz NOT NULL DEFAULT now(),
      approved_by uuid,
      approved_at timestamptz,
      ${TEXT('decision_note', 2000)},
      ${TEXT('file_name', 300)},
      file_sha256 bytea,
      byte_count integer,
      exported_at timestamptz,
      PRIMARY KEY (tenant_id, export_id),
      FOREIGN KEY (tenant_id, purpose_code) REFERENCES purpose_codes (tenant_id, purpose_code),
      FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, organization_id),
      FOREIGN KEY (tenant_id, requested_by) REFERENCES staff (tenant_id, staff_id),
      FOREIGN KEY (tenant_id, approved_by) REFERENCES staff (tenant_id, staff_id),
      CHECK (approved_by IS NULL OR approved_by <> requested_by),
      CHECK (status <> 'rejected' OR approved_by IS NOT NULL),
      CHECK (status <> 'approved' OR approved_by IS NOT NULL OR cardinality(consultee_ids) = 1),
      CHECK (status <> 'done' OR (file_name IS NOT NULL AND file_sha256 IS NOT NULL AND exported_at IS NOT NULL)),
      CHECK (status <> 'done' OR cardinality(consultee_ids) = 1 OR approved_by IS NOT NULL),
      CHECK (cardinality(consultee_ids) = 1 OR status <> 'rejected' OR decision_note IS NOT NULL)
    );
    CREATE INDEX exports_requested ON exports (tenant_id, requested_at);
    CREATE INDEX exports_awaiting ON exports (tenant_id, status) WHERE status = 'awaiting_approval';

    -- My Number (個人番号), sealed (ACQ-4, PRV-4, RET-3): AES-256-GCM with a key
    -- outside the database, bound to the row by its additional data.
    CREATE TABLE my_numbers (
      tenant_id uuid NOT NULL,
      consultee_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      key_id text NOT NULL CHECK (key_id ~ '^[A-Za-z0-9_.-]{1,64}$'),
      iv bytea NOT NULL CHECK (length(iv) = 12),
      ciphertext bytea NOT NULL CHECK (length(ciphertext) = 12),
      tag bytea NOT NULL CHECK (length(tag) = 16),
      basis text NOT NULL CHECK (basis IN ${BASES}),
      ${TEXT('basis_note', 1000)},
      acquired_on date NOT NULL,
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      resealed_at timestamptz,
      PRIMARY KEY (tenant_id, consultee_id),
      FOREIGN KEY (tenant_id, consultee_id, organization_id) REFERENCES consultees (tenant_id, consultee_id, organization_id),
      FOREIGN KEY (tenant_id, recorded_by) REFERENCES staff (tenant_id, staff_id)
    );
    -- That a number was erased, when, why and by whom; never the number (RET-3).
    CREATE TABLE my_number_erasures (
      tenant_id uuid NOT NULL,
      erasure_id uuid NOT NULL,
      consultee_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      ${TEXT('reason', 2000, true)},
      erased_by uuid NOT NULL,
      erased_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, erasure_id),
      FOREIGN KEY (tenant_id, consultee_id, organization_id) REFERENCES consultees (tenant_id, consultee_id, organization_id),
      FOREIGN KEY (tenant_id, erased_by) REFERENCES staff (tenant_id, staff_id)
    );

    -- What the tenant publishes (DSR-1, PUB-1), edited by the privacy protection manager.
    CREATE TABLE tenant_public_profiles (
      tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
      published boolean NOT NULL DEFAULT false,
      ${TEXT('organization_name', 200, true)},
      ${TEXT('address', 200, true)},
      ${TEXT('representative', 100, true)},
      ${TEXT('request_procedure', 4000, true)},
      ${TEXT('fees', 2000, true)},
      ${TEXT('security_measures', 8000, true)},
      ${TEXT('complaint_contact', 2000, true)},
      ${TEXT('privacy_policy', 8000)},
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id),
      FOREIGN KEY (tenant_id, updated_by) REFERENCES staff (tenant_id, staff_id)
    );
  `.execute(db);

  // Register entries and joint-use declarations change only by a new version: every
  // version is itself the history. Requests and opinions keep theirs; My Number has none,
  // so that no copy of its ciphertext is kept anywhere else.
  await keepHistory(db, [
    ['out_of_purpose_requests', 'request_id', 'consultee_id'],
    ['out_of_purpose_opinions', 'opinion_id', 'consultee_id'],
  ]);
  await isolateTenants(db, [...TENANT_TABLES, ...CONSULTEE_TABLES]);
  await isolateOrganizations(db, [...CONSULTEE_TABLES, 'exports']);
}

export async function down(): Promise<void> {
  throw new Error('Restore from a backup instead of reverting migrations.');
}
