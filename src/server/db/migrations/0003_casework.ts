// Casework (issue 3): the consultee's household and profile, consent and the
// rules of acquisition, the case's status flow and its national forms, household
// budgets, the history of every change, and drafts.
//
// As in 0001: tenant_id first in every key, row-level security FORCEd, and
// consultees' records separated by organization. Two rules of the house are also
// enforced here, not only in the services:
// - special-care items need a consent or a ground with its reason (ACQ-2);
// - consents are never edited: only withdrawal and supersession may be set (CON-5),
//   by column grants in db/grants.ts;
// and every change to a consultee's or a case's records is kept by a trigger (SEC-1).

import { sql, type Kysely } from 'kysely';
import { boundedText, isolateOrganizations, isolateTenants, keepHistory } from '../schema-parts.js';
import { KANA_VARIANTS } from '../../core/search-key.js';

/** Tables holding consultees' records: organization isolation, history. [table, id column] */
export const CASEWORK_TABLES: readonly (readonly [string, string])[] = [
  ['household_members', 'member_id'],
  ['profile_items', 'item_id'],
  ['consents', 'consent_id'],
  ['documents', 'document_id'],
  ['commissioning_approvals', 'approval_id'],
  ['case_transitions', 'transition_id'],
  ['intake_forms', 'form_id'],
  ['assessments', 'assessment_id'],
  ['plans', 'plan_id'],
  ['coordination_meetings', 'meeting_id'],
  ['support_decisions', 'decision_id'],
  ['municipal_applications', 'application_id'],
  ['progress_notes', 'note_id'],
  ['evaluations', 'evaluation_id'],
  ['closures', 'closure_id'],
  ['budget_sheets', 'sheet_id'],
  ['cash_flows', 'cash_flow_id'],
  ['debts', 'debt_id'],
  ['arrears', 'arrear_id'],
  ['budget_plans', 'budget_plan_id'],
];

/** Tables whose every change is kept in record_history, with the column naming whose data it is. */
const HISTORY: readonly (readonly [string, string, string])[] = [
  ['consultees', 'consultee_id', 'consultee_id'],
  ['cases', 'case_id', 'consultee_id'],
  ['case_workers', 'case_id', 'consultee_id'], // no consultee column: the trigger finds it through the case
  ['household_members', 'member_id', 'consultee_id'],
  ['profile_items', 'item_id', 'consultee_id'],
  ['consents', 'consent_id', 'consultee_id'],
  ['commissioning_approvals', 'approval_id', 'consultee_id'],
  ['intake_forms', 'form_id', 'consultee_id'],
  ['assessments', 'assessment_id', 'consultee_id'],
  ['plans', 'plan_id', 'consultee_id'],
  ['coordination_meetings', 'meeting_id', 'consultee_id'],
  ['support_decisions', 'decision_id', 'consultee_id'],
  ['municipal_applications', 'application_id', 'consultee_id'],
  ['progress_notes', 'note_id', 'consultee_id'],
  ['evaluations', 'evaluation_id', 'consultee_id'],
  ['closures', 'closure_id', 'consultee_id'],
  ['budget_sheets', 'sheet_id', 'consultee_id'],
  ['cash_flows', 'cash_flow_id', 'consultee_id'],
  ['debts', 'debt_id', 'consultee_id'],
  ['arrears', 'arrear_id', 'consultee_id'],
  ['budget_plans', 'budget_plan_id', 'consultee_id'],
];

/** Columns every case-form table shares: whose case, who wrote it, when. */
const CASE_COLUMNS = sql.raw(`
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  consultee_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`);

const CASE_KEYS = (id: string) =>
  sql.raw(`PRIMARY KEY (tenant_id, ${id}),
  FOREIGN KEY (tenant_id, case_id, consultee_id, organization_id) REFERENCES cases (tenant_id, case_id, consultee_id, organization_id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES staff (tenant_id, staff_id)`);

/** What core/search-key.ts leaves out of a name key, and its hiragana → katakana step, for rows made before 0003. */
const NOISE = sql.lit(`[\\s・･.,、。'"()（）「」\\-‐－—]`);
const HIRAGANA = sql.lit(
  'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔ',
);
const KATAKANA = sql.lit(
  'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴ',
);

const TEXT = boundedText;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION app_current_staff() RETURNS uuid
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT nullif(current_setting('app.staff_id', true), '')::uuid $$;

    -- Consultees: the rest of the basic information, search keys, and where it came from (ACQ-1).
    ALTER TABLE consultees
      ADD COLUMN phone_mobile text CHECK (length(phone_mobile) <= 30),
      ADD COLUMN email text CHECK (length(email) <= 254),
      ADD COLUMN sex_note text CHECK (length(sex_note) <= 50),
      ADD COLUMN name_key text NOT NULL DEFAULT '',
      ADD COLUMN kana_key text NOT NULL DEFAULT '',
      ADD COLUMN phone_key text NOT NULL DEFAULT '',
      ADD COLUMN basic_source text NOT NULL DEFAULT 'self' CHECK (basic_source IN ('self', 'family', 'agency', 'document', 'other')),
      ADD COLUMN basic_source_detail text CHECK (length(basic_source_detail) <= 200);
    -- Exact and prefix search by range (text_pattern operators are leakproof, so the
    -- index serves them under row-level security; trigram operators are not).
    CREATE INDEX consultees_kana_key ON consultees (tenant_id, kana_key text_pattern_ops);
    CREATE INDEX consultees_name_key ON consultees (tenant_id, name_key text_pattern_ops);
    CREATE INDEX consultees_birth_date ON consultees (tenant_id, birth_date);

    -- Keys for finding a person despite a small misspelling (BIZ-6): each name key and
    -- the key with any one character left out, so that two spellings one edit apart
    -- share a key; and the phone numbers, whole and by their last four digits. Kept
    -- by a trigger, compared by equality, which an index serves under row-level
    -- security (the trigram operators could not be: they are not leakproof).
    CREATE FUNCTION search_variants(k text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$
        SELECT CASE
          WHEN k IS NULL OR k = '' THEN '{}'::text[]
          WHEN char_length(k) < 4 THEN ARRAY[k]
          ELSE ARRAY(SELECT DISTINCT v FROM (SELECT k AS v UNION ALL
            SELECT substr(k, 1, i - 1) || substr(k, i + 1) FROM generate_series(1, char_length(k)) AS i) AS x)
        END $$;
    CREATE FUNCTION consultee_search_keys_of(kana text, name text, phones text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$
        SELECT ARRAY(SELECT DISTINCT v FROM unnest(
          public.search_variants(kana) || public.search_variants(name) ||
          ARRAY(SELECT t.x FROM unnest(string_to_array(phones, ' ')) AS p,
            LATERAL (VALUES ('tel:' || p), ('tel4:' || right(p, 4))) AS t(x) WHERE p <> '')) AS v)
      $$;
    CREATE TABLE consultee_search_keys (
      tenant_id uuid NOT NULL,
      key text NOT NULL,
      consultee_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      PRIMARY KEY (tenant_id, key, consultee_id),
      FOREIGN KEY (tenant_id, consultee_id, organization_id)
        REFERENCES consultees (tenant_id, consultee_id, organization_id) ON DELETE CASCADE
    );
    CREATE INDEX consultee_search_keys_consultee ON consultee_search_keys (tenant_id, consultee_id);
    -- Runs as the owner: the app role only reads the keys.
    CREATE FUNCTION consultee_search_keys_sync() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
      BEGIN
        DELETE FROM public.consultee_search_keys WHERE tenant_id = NEW.tenant_id AND consultee_id = NEW.consultee_id;
        INSERT INTO public.consultee_search_keys (tenant_id, key, consultee_id, organization_id)
          SELECT NEW.tenant_id, k, NEW.consultee_id, NEW.organization_id
          FROM unnest(public.consultee_search_keys_of(NEW.kana_key, NEW.name_key, NEW.phone_key)) AS k;
        RETURN NULL;
      END $$;
    CREATE TRIGGER consultees_search_keys AFTER INSERT OR UPDATE OF kana_key, name_key, phone_key, organization_id
      ON consultees FOR EACH ROW EXECUTE FUNCTION consultee_search_keys_sync();

    -- Cases: the status flow and the screening.
    ALTER TABLE cases
      ADD COLUMN status text NOT NULL DEFAULT 'intake' CHECK (status IN (
        'intake', 'screening', 'closed_info_only', 'referred', 'assessment', 'plan_draft',
        'coordination', 'decided', 'in_support', 'evaluation', 'closed', 'suspended')),
      ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN suspended_from text,
      ADD COLUMN screening_result text CHECK (screening_result IN ('info_only', 'referred', 'continued')),
      ADD COLUMN referral_destination text CHECK (length(referral_destination) <= 200),
      ADD COLUMN referred_to_public_assistance boolean NOT NULL DEFAULT false,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
      ADD CONSTRAINT cases_subject UNIQUE (tenant_id, case_id, consultee_id, organization_id);
    CREATE INDEX cases_status ON cases (tenant_id, organization_id, status);

    CREATE TABLE household_members (
      tenant_id uuid NOT NULL,
      member_id uuid NOT NULL,
      consultee_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      relationship text NOT NULL,
      ${TEXT('relationship_note', 50)},
      family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 50),
      ${TEXT('given_name', 50)},
      ${TEXT('kana', 100)},
      sex text CHECK (sex IN ('male', 'female', 'other')),
      birth_date date,
      cohabiting boolean NOT NULL DEFAULT true,
      ${TEXT('occupation', 100)},
      ${TEXT('notes', 1000)},
      source text NOT NULL CHECK (source IN ('self', 'family', 'agency', 'document', 'other')),
      ${TEXT('source_detail', 200)},
      removed_at timestamptz,
      CHECK (source = 'self' OR source_detail IS NOT NULL),
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, member_id),
      FOREIGN KEY (tenant_id, consultee_id, organization_id) REFERENCES consultees (tenant_id, consultee_id, organization_id)
    );
    CREATE INDEX household_members_consultee ON household_members (tenant_id, consultee_id);

    -- Signed consent forms, scanned (ACQ-6). Stored once, never changed.
    CREATE TABLE documents (
      tenant_id uuid NOT NULL,
      document_id uuid NOT NULL,
      consultee_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('consent_scan')),
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
      media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
      byte_size integer NOT NULL CHECK (byte_size BETWEEN 1 AND 10485760),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea NOT NULL,
      uploaded_by uuid NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, document_id),
      FOREIGN KEY (tenant_id, consultee_id, organization_id) REFERENCES consultees (tenant_id, consultee_id, organization_id)
    );

    -- Consent (CON-1..5, ACQ-6): given by the person or a representative, by a
    -- method, for purposes and kinds of agency, with or without special-care data.
    -- A change is a new record that supersedes the old one.
    CREATE TABLE consents (
      tenant_id uuid NOT NULL,
      consent_id uuid NOT NULL,
      consultee_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      given_by text NOT NULL CHECK (given_by IN ('self', 'representative')),
      ${TEXT('representative_name', 100)},
      ${TEXT('representative_relation', 50)},
      representative_authority text CHECK (representative_authority IN ('parent', 'guardian', 'power_of_attorney', 'other')),
      method text NOT NULL CHECK (method IN ('written', 'oral', 'electronic')),
      ${TEXT('explanation', 4000)},
      document_id uuid,
      given_on date NOT NULL,
      purposes text[] NOT NULL CHECK (cardinality(purposes) >= 1),
      agency_kinds text[] NOT NULL DEFAULT '{}',
      ${TEXT('agency_names', 1000)},
      covers_special_care boolean NOT NULL,
      valid_from date NOT NULL,
      valid_until date,
      supersedes uuid,
      superseded_by uuid,
      withdrawn_on date,
      ${TEXT('withdrawal_reason', 1000)},
      withdrawal_recorded_by uuid,
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, consent_id),
      FOREIGN KEY (tenant_id, consultee_id, organization_id) REFERENCES consultees (tenant_id, consultee_id, organization_id),
      FOREIGN KEY (tenant_id, document_id) REFERENCES documents (tenant_id, document_id),
      CHECK (given_by = 'self' OR (representative_name IS NOT NULL AND representative_authority IS NOT NULL)),
      CHECK (method <> 'oral' OR explanation IS NOT NULL),
      CHECK (valid_until IS NULL OR valid_until >= valid_from)
    );
    CREATE INDEX consents_consultee ON consents (tenant_id, consultee_id);

    -- The commissioning body's approval for a contractor to collect restricted items (ACQ-3).
    CREATE TABLE commissioning_approvals (
      tenant_id uuid NOT NULL,
      approval_id uuid NOT NULL,
      consultee_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      categories text[] NOT NULL CHECK (cardinality(categories) >= 1 AND categories <@ ARRAY['creed', 'social_discrimination', 'crime']),
      approver_name text NOT NULL CHECK (length(approver_name) BETWEEN 1 AND 100),
      ${TEXT('approver_title', 100)},
      approved_on date NOT NULL,
      ${TEXT('document_number', 100)},
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, approval_id),
      FOREIGN KEY (tenant_id, consultee_id, organization_id) REFERENCES consultees (tenant_id, consultee_id, organization_id)
    );

    -- The items held about a consultee (BIZ-6), each with its class, its source
    -- (ACQ-1) and, for special-care data, the consent or ground it rests on (ACQ-2).
    CREATE TABLE profile_items (
      tenant_id uuid NOT NULL,
      item_id uuid NOT NULL,
      consultee_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      item_key text NOT NULL CHECK (item_key ~ '^[a-z_]{2,40}$'),
      category text NOT NULL CHECK (category IN ('health', 'work', 'economic', 'services', 'history')),
      data_class text NOT NULL CHECK (data_class IN ('ordinary', 'special_care')),
      value text NOT NULL CHECK (length(value) BETWEEN 1 AND 4000),
      source text NOT NULL CHECK (source IN ('self', 'family', 'agency', 'document', 'other')),
      ${TEXT('source_detail', 200)},
      ${TEXT('source_reason', 1000)},
      consent_id uuid,
      acquisition_ground text CHECK (acquisition_ground IN ('law', 'life_body_property', 'public_health_children',
        'government_cooperation', 'published', 'visually_obvious', 'lawful_provision')),
      ${TEXT('ground_reason', 1000)},
      approval_id uuid,
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, item_id),
      UNIQUE (tenant_id, consultee_id, item_key),
      FOREIGN KEY (tenant_id, consultee_id, organization_id) REFERENCES consultees (tenant_id, consultee_id, organization_id),
      FOREIGN KEY (tenant_id, consent_id) REFERENCES consents (tenant_id, consent_id),
      FOREIGN KEY (tenant_id, approval_id) REFERENCES commissioning_approvals (tenant_id, approval_id),
      CHECK (source = 'self' OR (source_detail IS NOT NULL AND source_reason IS NOT NULL)),
      CHECK (data_class <> 'special_care' OR consent_id IS NOT NULL
        OR (acquisition_ground IS NOT NULL AND ground_reason IS NOT NULL))
    );

    -- The status flow's history (BIZ-1, BIZ-2).
    CREATE TABLE case_transitions (
      tenant_id uuid NOT NULL,
      transition_id uuid NOT NULL,
      case_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      transition text NOT NULL,
      from_status text NOT NULL,
      to_status text NOT NULL,
      effective_on date NOT NULL,
      ${TEXT('note', 1000)},
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, transition_id),
      FOREIGN KEY (tenant_id, case_id, organization_id) REFERENCES cases (tenant_id, case_id, organization_id)
    );
    CREATE INDEX case_transitions_case ON case_transitions (tenant_id, case_id, recorded_at);

    -- 相談受付・申込票 (A票・B票), one per case.
    CREATE TABLE intake_forms (
      ${CASE_COLUMNS},
      form_id uuid NOT NULL,
      received_on date NOT NULL,
      received_by uuid NOT NULL,
      contact_route text NOT NULL,
      ${TEXT('referred_by', 200)},
      ${TEXT('visitor_name', 100)},
      ${TEXT('visitor_phone', 30)},
      visitor_relation text CHECK (visitor_relation IN ('family', 'other')),
      ${TEXT('visitor_relation_detail', 50)},
      topics text[] NOT NULL DEFAULT '{}',
      primary_topic text,
      ${TEXT('topic_other', 200)},
      ${TEXT('wishes', 4000)},
      employment_status text,
      housing_status text,
      health_insurance text,
      pension text,
      applied boolean NOT NULL DEFAULT false,
      applied_on date,
      purposes_explained_on date,
      ${TEXT('rules_version', 50)},
      source text NOT NULL DEFAULT 'self' CHECK (source IN ('self', 'family', 'agency', 'document', 'other')),
      ${TEXT('source_detail', 200)},
      ${CASE_KEYS('form_id')},
      UNIQUE (tenant_id, case_id),
      CHECK (primary_topic IS NULL OR primary_topic = ANY (topics)),
      CHECK (NOT applied OR applied_on IS NOT NULL)
    );

    -- インテーク・アセスメントシート, one per case (its revisions are in the history).
    CREATE TABLE assessments (
      ${CASE_COLUMNS},
      assessment_id uuid NOT NULL,
      assessed_on date NOT NULL,
      assessed_by uuid NOT NULL,
      issue_traits text[] NOT NULL DEFAULT '{}',
      ${TEXT('life_history', 4000)},
      ${TEXT('health_situation', 4000)},
      ${TEXT('work_situation', 4000)},
      ${TEXT('finance_situation', 4000)},
      ${TEXT('housing_situation', 4000)},
      ${TEXT('family_relations', 4000)},
      ${TEXT('social_relations', 4000)},
      ${TEXT('strengths', 4000)},
      ${TEXT('person_wishes', 4000)},
      ${TEXT('assessor_view', 4000)},
      ${TEXT('emergency_support', 2000)},
      consent_id uuid,
      acquisition_ground text,
      ${TEXT('ground_reason', 1000)},
      ${CASE_KEYS('assessment_id')},
      UNIQUE (tenant_id, case_id),
      CHECK (health_situation IS NULL OR consent_id IS NOT NULL OR (acquisition_ground IS NOT NULL AND ground_reason IS NOT NULL))
    );

    -- プラン兼事業等利用申込書: revisions 1, 2, … (再プラン).
    CREATE TABLE plans (
      ${CASE_COLUMNS},
      plan_id uuid NOT NULL,
      revision integer NOT NULL CHECK (revision >= 1),
      drafted_on date NOT NULL,
      period_from date,
      period_to date,
      ${TEXT('long_term_goal', 2000)},
      goals jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(goals) = 'array'),
      programs text[] NOT NULL DEFAULT '{}',
      employment_support_target boolean NOT NULL DEFAULT false,
      person_agreed_on date,
      next_review_on date,
      ${TEXT('notes', 2000)},
      ${CASE_KEYS('plan_id')},
      UNIQUE (tenant_id, case_id, revision),
      UNIQUE (tenant_id, case_id, plan_id),
      CHECK (period_to IS NULL OR period_from IS NULL OR period_to >= period_from)
    );

    CREATE TABLE coordination_meetings (
      ${CASE_COLUMNS},
      meeting_id uuid NOT NULL,
      held_on date NOT NULL,
      plan_id uuid,
      attendees jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attendees) = 'array'),
      decision text NOT NULL CHECK (decision IN ('approve_plan', 'revise_plan', 'confirm_closure', 'confirm_suspension')),
      ${TEXT('notes', 4000)},
      FOREIGN KEY (tenant_id, case_id, plan_id) REFERENCES plans (tenant_id, case_id, plan_id),
      ${CASE_KEYS('meeting_id')}
    );

    -- 支援決定 by the municipality.
    CREATE TABLE support_decisions (
      ${CASE_COLUMNS},
      decision_id uuid NOT NULL,
      plan_id uuid,
      decided_on date NOT NULL,
      decided_by text NOT NULL CHECK (length(decided_by) BETWEEN 1 AND 100),
      ${TEXT('decision_number', 100)},
      period_from date,
      period_to date,
      ${TEXT('notes', 2000)},
      FOREIGN KEY (tenant_id, case_id, plan_id) REFERENCES plans (tenant_id, case_id, plan_id),
      ${CASE_KEYS('decision_id')}
    );

    -- The application to the municipality for programs, and when it was forwarded (BIZ-4).
    CREATE TABLE municipal_applications (
      ${CASE_COLUMNS},
      application_id uuid NOT NULL,
      plan_id uuid,
      applied_on date NOT NULL,
      programs text[] NOT NULL CHECK (cardinality(programs) >= 1),
      forwarded_on date,
      forwarded_by uuid,
      municipality_received_on date,
      ${TEXT('notes', 2000)},
      FOREIGN KEY (tenant_id, case_id, plan_id) REFERENCES plans (tenant_id, case_id, plan_id),
      ${CASE_KEYS('application_id')},
      CHECK (forwarded_on IS NULL OR forwarded_on >= applied_on)
    );
    CREATE INDEX municipal_applications_pending ON municipal_applications (tenant_id, organization_id) WHERE forwarded_on IS NULL;

    -- 支援経過記録: one row per contact. A note marked special-care needs the same basis as a profile item.
    CREATE TABLE progress_notes (
      ${CASE_COLUMNS},
      note_id uuid NOT NULL,
      contact_on date NOT NULL,
      method text NOT NULL,
      counterpart text NOT NULL DEFAULT 'self',
      ${TEXT('counterpart_detail', 200)},
      content text NOT NULL CHECK (length(content) BETWEEN 1 AND 8000),
      sensitivity text NOT NULL DEFAULT 'ordinary' CHECK (sensitivity IN ('ordinary', 'special_care')),
      ${TEXT('next_step', 2000)},
      next_contact_on date,
      consent_id uuid,
      acquisition_ground text,
      ${TEXT('ground_reason', 1000)},
      ${CASE_KEYS('note_id')},
      CHECK (sensitivity <> 'special_care' OR consent_id IS NOT NULL
        OR (acquisition_ground IS NOT NULL AND ground_reason IS NOT NULL))
    );
    CREATE INDEX progress_notes_case ON progress_notes (tenant_id, case_id, contact_on DESC);

    -- 評価シート.
    CREATE TABLE evaluations (
      ${CASE_COLUMNS},
      evaluation_id uuid NOT NULL,
      plan_id uuid,
      evaluated_on date NOT NULL,
      goal_results jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(goal_results) = 'array'),
      employed boolean NOT NULL DEFAULT false,
      employed_on date,
      income_increased boolean NOT NULL DEFAULT false,
      income_increased_on date,
      improvement_observed boolean NOT NULL DEFAULT false,
      improvements text[] NOT NULL DEFAULT '{}',
      ${TEXT('person_view', 4000)},
      ${TEXT('evaluator_view', 4000)},
      next_action text NOT NULL CHECK (next_action IN ('close', 'replan', 'continue')),
      FOREIGN KEY (tenant_id, case_id, plan_id) REFERENCES plans (tenant_id, case_id, plan_id),
      ${CASE_KEYS('evaluation_id')}
    );

    -- 終結, one per case.
    CREATE TABLE closures (
      ${CASE_COLUMNS},
      closure_id uuid NOT NULL,
      closed_on date NOT NULL,
      reasons text[] NOT NULL CHECK (cardinality(reasons) >= 1),
      ${TEXT('reason_note', 2000)},
      wishes_confirmed boolean NOT NULL,
      reported_to_meeting_on date,
      follow_up_until date,
      ${CASE_KEYS('closure_id')},
      UNIQUE (tenant_id, case_id)
    );

    -- 家計改善支援 (BIZ-3): budget sheets (lines; totals are computed), cash flow, debts, arrears, the plan.
    CREATE TABLE budget_sheets (
      ${CASE_COLUMNS},
      sheet_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('at_consultation', 'planned')),
      month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      lines jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(lines) = 'array'),
      ${TEXT('notes', 2000)},
      ${CASE_KEYS('sheet_id')},
      UNIQUE (tenant_id, case_id, sheet_id)
    );

    CREATE TABLE cash_flows (
      ${CASE_COLUMNS},
      cash_flow_id uuid NOT NULL,
      start_month text NOT NULL CHECK (start_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      opening_balance integer NOT NULL,
      base_sheet_id uuid,
      events jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(events) = 'array'),
      ${TEXT('notes', 2000)},
      FOREIGN KEY (tenant_id, case_id, base_sheet_id) REFERENCES budget_sheets (tenant_id, case_id, sheet_id),
      ${CASE_KEYS('cash_flow_id')}
    );

    CREATE TABLE debts (
      ${CASE_COLUMNS},
      debt_id uuid NOT NULL,
      creditor text NOT NULL CHECK (length(creditor) BETWEEN 1 AND 100),
      kind text NOT NULL,
      balance integer NOT NULL CHECK (balance >= 0),
      monthly_payment integer NOT NULL DEFAULT 0 CHECK (monthly_payment >= 0),
      arrears_amount integer NOT NULL DEFAULT 0 CHECK (arrears_amount >= 0),
      arrears_months integer NOT NULL DEFAULT 0 CHECK (arrears_months >= 0),
      status text NOT NULL DEFAULT 'repaying' CHECK (status IN ('repaying', 'in_arrears', 'restructuring', 'settled')),
      ${TEXT('notes', 1000)},
      ${CASE_KEYS('debt_id')}
    );

    CREATE TABLE arrears (
      ${CASE_COLUMNS},
      arrear_id uuid NOT NULL,
      kind text NOT NULL,
      ${TEXT('creditor', 100)},
      amount integer NOT NULL CHECK (amount >= 0),
      months integer NOT NULL DEFAULT 0 CHECK (months >= 0),
      resolved_on date,
      ${TEXT('notes', 1000)},
      ${CASE_KEYS('arrear_id')}
    );

    CREATE TABLE budget_plans (
      ${CASE_COLUMNS},
      budget_plan_id uuid NOT NULL,
      drafted_on date NOT NULL,
      goals text NOT NULL CHECK (length(goals) BETWEEN 1 AND 2000),
      actions jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(actions) = 'array'),
      ${TEXT('loan_referral', 1000)},
      ${TEXT('debt_restructuring', 1000)},
      ${TEXT('benefit_applications', 1000)},
      planned_sheet_id uuid,
      review_on date,
      FOREIGN KEY (tenant_id, case_id, planned_sheet_id) REFERENCES budget_sheets (tenant_id, case_id, sheet_id),
      ${CASE_KEYS('budget_plan_id')}
    );

    -- The history of every change (SEC-1; groundwork for DSR-4): who, when, which
    -- fields, from what to what. Written by a trigger, never changed.
    CREATE TABLE record_history (
      tenant_id uuid NOT NULL,
      history_id bigint GENERATED ALWAYS AS IDENTITY,
      organization_id uuid,
      record_table text NOT NULL,
      record_id uuid NOT NULL,
      subject_id uuid,
      case_id uuid,
      change_kind text NOT NULL CHECK (change_kind IN ('insert', 'update', 'delete')),
      changed_fields text[] NOT NULL,
      changes jsonb NOT NULL,
      changed_by uuid,
      changed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, history_id)
    );
    CREATE INDEX record_history_record ON record_history (tenant_id, record_table, record_id, history_id);
    CREATE INDEX record_history_subject ON record_history (tenant_id, subject_id, history_id);
    CREATE INDEX record_history_case ON record_history (tenant_id, case_id, history_id) WHERE case_id IS NOT NULL;

    -- Drafts autosaved while a form is being typed: only their author sees them.
    CREATE TABLE drafts (
      tenant_id uuid NOT NULL,
      staff_id uuid NOT NULL,
      draft_key text NOT NULL CHECK (draft_key ~ '^[a-z0-9:_-]{1,120}$'),
      organization_id uuid NOT NULL,
      consultee_id uuid,
      case_id uuid,
      payload jsonb NOT NULL CHECK (octet_length(payload::text) <= 262144),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, staff_id, draft_key),
      FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, staff_id)
    );
  `.execute(db);

  // The facts the policy decides on for a case: its organization, office, the staff
  // assigned to it and whose case it is (as consultee_facts in migration 0002).
  await sql`
    CREATE FUNCTION case_facts(p_tenant uuid, p_orgs text, p_ids uuid[])
      RETURNS TABLE (id uuid, organization_id uuid, office_id uuid, assigned uuid[], subject_id uuid)
      LANGUAGE plpgsql VOLATILE
      AS $$
      #variable_conflict use_column
      BEGIN
        PERFORM public.app_enter(p_tenant, p_orgs);
        RETURN QUERY
          SELECT k.case_id, k.organization_id, k.office_id,
            coalesce(array_agg(w.staff_id) FILTER (WHERE w.staff_id IS NOT NULL), '{}'),
            k.consultee_id
          FROM public.cases k
          LEFT JOIN public.case_workers w ON w.tenant_id = k.tenant_id AND w.case_id = k.case_id
          WHERE k.case_id = ANY (p_ids)
          GROUP BY k.case_id, k.organization_id, k.office_id, k.consultee_id;
      END $$;
  `.execute(db);

  // Move the health summary of issue 2 into the profile, then drop the column. The
  // owner reads every tenant's rows here, so forced row-level security is lifted for
  // the length of this statement (the migration is one transaction).
  await sql`
    ALTER TABLE consultees NO FORCE ROW LEVEL SECURITY;
    INSERT INTO profile_items (tenant_id, item_id, consultee_id, organization_id, item_key, category, data_class,
      value, source, acquisition_ground, ground_reason, recorded_by, recorded_at)
    SELECT tenant_id, gen_random_uuid(), consultee_id, organization_id, 'health_condition', 'health', 'special_care',
      health_summary, 'self', 'law', '移行前の記録（根拠を確認してください）', created_by, created_at
    FROM consultees WHERE health_summary IS NOT NULL;
    ALTER TABLE consultees DROP COLUMN health_summary;
    -- Search keys of consultees registered before this migration, as core/search-key.ts makes them.
    UPDATE consultees SET
      name_key = lower(regexp_replace(normalize(family_name || given_name, NFKC), ${NOISE}, '', 'g')),
      kana_key = translate(translate(regexp_replace(normalize(family_name_kana || given_name_kana, NFKC), ${NOISE}, '', 'g'),
        ${HIRAGANA}, ${KATAKANA}), ${sql.lit(KANA_VARIANTS.from)}, ${sql.lit(KANA_VARIANTS.to)}),
      phone_key = trim(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'))
    WHERE name_key = '';
    ALTER TABLE consultees FORCE ROW LEVEL SECURITY;
  `.execute(db);

  await sql`
    -- Runs as the owner: the app role cannot write history of its own.
    CREATE FUNCTION record_history_capture() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER
      AS $$
      DECLARE
        before_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END;
        after_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END;
        row_any jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
        changes jsonb := '{}'::jsonb;
        fields text[] := '{}';
        k text;
      BEGIN
        FOR k IN SELECT jsonb_object_keys(before_row || after_row) ORDER BY 1 LOOP
          CONTINUE WHEN k IN ('tenant_id', 'created_at', 'updated_at');
          IF (before_row -> k) IS DISTINCT FROM (after_row -> k) THEN
            changes := changes || jsonb_build_object(k, jsonb_build_object('from', before_row -> k, 'to', after_row -> k));
            fields := fields || k;
          END IF;
        END LOOP;
        IF cardinality(fields) = 0 THEN
          RETURN NULL;
        END IF;
        INSERT INTO public.record_history (tenant_id, organization_id, record_table, record_id, subject_id, case_id,
          change_kind, changed_fields, changes, changed_by)
        VALUES ((row_any ->> 'tenant_id')::uuid, (row_any ->> 'organization_id')::uuid, TG_TABLE_NAME,
          (row_any ->> TG_ARGV[0])::uuid,
          coalesce((row_any ->> TG_ARGV[1])::uuid, (SELECT c.consultee_id FROM public.cases c
            WHERE c.tenant_id = (row_any ->> 'tenant_id')::uuid AND c.case_id = (row_any ->> 'case_id')::uuid)),
          (row_any ->> 'case_id')::uuid,
          lower(TG_OP), fields, changes, public.app_current_staff());
        RETURN NULL;
      END $$;

    CREATE TRIGGER record_history_no_update BEFORE UPDATE OR DELETE ON record_history
      FOR EACH ROW EXECUTE FUNCTION audit_events_immutable();
  `.execute(db);

  await keepHistory(db, HISTORY);

  const isolated = [...CASEWORK_TABLES.map(([t]) => t), 'record_history', 'drafts', 'consultee_search_keys'];
  await isolateTenants(db, isolated);
  await isolateOrganizations(db, isolated);
  await sql`
    -- Drafts are their author's alone.
    CREATE POLICY author_only ON drafts AS RESTRICTIVE
      USING (staff_id = app_current_staff())
      WITH CHECK (staff_id = app_current_staff());
    -- History of changes made outside an organization's context (the command line) has none.
    DROP POLICY organization_isolation ON record_history;
    CREATE POLICY organization_isolation ON record_history AS RESTRICTIVE
      USING (organization_id = ANY (app_current_orgs()))
      WITH CHECK (organization_id IS NULL OR organization_id = ANY (app_current_orgs()));
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Restore from a backup instead of reverting migrations.');
}
