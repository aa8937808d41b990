// Reads of one record in two round trips and no explicit transaction
// (docs/adr/0004-performance.md). Each function sets the tenant and organizations
// for its own statement only, as the caller (row-level security applies), so a
// read needs no BEGIN, set_config or COMMIT of its own:
//   consultee_facts   the facts the policy decides on
//   audit_append      one access event; called first in the statement that reads
//                     the granted columns (DataAccess.readGranted), so the row
//                     never leaves without its event

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION app_enter(p_tenant uuid, p_orgs text) RETURNS void
      LANGUAGE sql VOLATILE
      AS $$ SELECT pg_catalog.set_config('app.tenant_id', p_tenant::text, true),
                   pg_catalog.set_config('app.org_ids', p_orgs, true) $$;

    CREATE FUNCTION consultee_facts(p_tenant uuid, p_orgs text, p_ids uuid[])
      RETURNS TABLE (id uuid, organization_id uuid, office_id uuid, assigned uuid[])
      LANGUAGE plpgsql VOLATILE
      AS $$
      #variable_conflict use_column
      BEGIN
        PERFORM public.app_enter(p_tenant, p_orgs);
        RETURN QUERY
          SELECT c.consultee_id, c.organization_id, c.office_id,
            coalesce(array_agg(DISTINCT w.staff_id) FILTER (WHERE w.staff_id IS NOT NULL), '{}')
          FROM public.consultees c
          LEFT JOIN public.cases k ON k.tenant_id = c.tenant_id AND k.consultee_id = c.consultee_id
          LEFT JOIN public.case_workers w ON w.tenant_id = k.tenant_id AND w.case_id = k.case_id
          WHERE c.consultee_id = ANY (p_ids)
          GROUP BY c.consultee_id, c.organization_id, c.office_id;
      END $$;

    -- The event is an audit_events row as JSON; the chaining trigger fills in
    -- number, time, chain and hashes.
    CREATE FUNCTION audit_append(p_tenant uuid, p_orgs text, p_event jsonb) RETURNS boolean
      LANGUAGE plpgsql VOLATILE
      AS $$
      BEGIN
        PERFORM public.app_enter(p_tenant, p_orgs);
        INSERT INTO public.audit_events
          SELECT * FROM jsonb_populate_record(NULL::public.audit_events, p_event);
        RETURN true;
      END $$;

  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Restore from a backup instead of reverting migrations.');
}
