import { useState, type ReactNode } from 'react';
import { DraftForm } from '../../components/DraftForm';
import { caseDraftKey } from '../../components/drafts';
import { PrintLink } from '../../components/PrintLink';
import type { FormKit } from '../../components/useFormKit';
import type { CaseTabProps } from './caseTab';

/** A record with fields the reader may not see cannot be changed by them: the form would blank those fields. */
function hasWithheld(record: unknown): boolean {
  const withheld = (record as { withheld?: string[] } | null)?.withheld;
  return Array.isArray(withheld) && withheld.length > 0;
}

/** How a record of the case is typed: its draft name, its state, its body and its fields. */
export interface RecordForm<R, S extends object> {
  /** The form part of the draft key (case:<id>:<draft>[:<record>]). */
  draft: string;
  /** The prefix of the fields' element ids. */
  formId: string;
  initial: (record: R | null) => S;
  check?: (values: S) => Record<string, string>;
  /** Sends the record, new (null) or changed. */
  send: (values: S, record: R | null, kit: FormKit<S>) => Promise<unknown>;
  fields: (kit: FormKit<S>, record: R | null) => ReactNode;
  mapField?: (path: string) => string;
  /** What the submit button says, for a new record and for a change. */
  submitNew: string;
  submitChange: string;
  /** What the success message says. */
  saved: string;
}

interface RecordsSectionProps<R, S extends object> {
  tab: CaseTabProps;
  records: readonly R[];
  idOf: (record: R) => string;
  /** When the record last changed: a changed record's form starts again from it. */
  versionOf: (record: R) => string;
  titleOf: (record: R) => ReactNode;
  view: (record: R) => ReactNode;
  form: RecordForm<R, S>;
  /** The heading of the form for a new record. */
  addTitle: string;
  empty: string;
  /** The new-record form before the list (progress notes), instead of after it. */
  addFirst?: boolean;
  print?: (record: R) => { href: string; label: string } | null;
  /** Records that cannot be changed any more (a closed case's, say). */
  locked?: boolean;
}

/**
 * A form a case has many of (meetings, decisions, notes…): the records, each with
 * a way to change it, and the form for a new one. Only one form is open at a time.
 */
export function RecordsSection<R, S extends object>(props: RecordsSectionProps<R, S>) {
  const { tab, records, idOf, versionOf, titleOf, view, form, addTitle, empty, addFirst, print, locked } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const writable = tab.writable && !locked;

  const formFor = (record: R | null) => (
    <DraftForm<S>
      key={record ? `${idOf(record)}-${versionOf(record)}` : `new-${round}`}
      formId={record ? `${form.formId}-edit` : form.formId}
      draftKey={caseDraftKey(tab.caseId, form.draft, record ? idOf(record) : null)}
      initial={form.initial(record)}
      submitLabel={record ? form.submitChange : form.submitNew}
      labelledBy={record ? `record-${idOf(record)}` : `${form.formId}-title`}
      check={form.check}
      mapField={form.mapField}
      send={(values, kit) => form.send(values, record, kit)}
      onSaved={() => {
        setEditing(null);
        setRound((r) => r + 1);
        tab.onSaved(form.saved);
      }}
      onCancel={record ? () => setEditing(null) : undefined}
    >
      {(kit) => form.fields(kit, record)}
    </DraftForm>
  );

  const adding =
    writable && editing === null ? (
      <section className="subcard" aria-labelledby={`${form.formId}-title`}>
        <h3 id={`${form.formId}-title`}>{addTitle}</h3>
        {formFor(null)}
      </section>
    ) : null;

  return (
    <>
      {addFirst ? adding : null}
      {records.length === 0 ? <p>{empty}</p> : null}
      {records.length > 0 ? (
        <ul className="record-list">
          {records.map((record) => {
            const id = idOf(record);
            const printing = print?.(record);
            return (
              <li key={id} className="record">
                <h3 id={`record-${id}`} className="record-title">
                  {titleOf(record)}
                </h3>
                {editing === id ? (
                  formFor(record)
                ) : (
                  <>
                    {view(record)}
                    <div className="button-row button-row--tight">
                      {writable && editing === null && hasWithheld(record) ? (
                        <p className="muted small">閲覧できない項目があるため、この記録は変更できません。</p>
                      ) : null}
                      {writable && editing === null && !hasWithheld(record) ? (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => setEditing(id)}
                          aria-describedby={`record-${id}`}
                        >
                          変更する
                        </button>
                      ) : null}
                      {printing ? <PrintLink href={printing.href} label={printing.label} /> : null}
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {addFirst ? null : adding}
    </>
  );
}

interface SingleRecordProps<R, S extends object> {
  tab: CaseTabProps;
  record: R | null;
  versionOf: (record: R) => string;
  view: (record: R) => ReactNode;
  form: RecordForm<R, S>;
  /** What to say when there is no record and the reader cannot write one. */
  empty: string;
}

/** A form a case has one of (intake, assessment, closure): shown, with a way to change it, or typed when missing. */
export function SingleRecord<R, S extends object>({
  tab,
  record,
  versionOf,
  view,
  form,
  empty,
}: SingleRecordProps<R, S>) {
  const [editing, setEditing] = useState(false);
  if (record && !editing) {
    return (
      <>
        {view(record)}
        {tab.writable && hasWithheld(record) ? (
          <p className="muted small">閲覧できない項目があるため、この記録は変更できません。</p>
        ) : null}
        {tab.writable && !hasWithheld(record) ? (
          <div className="button-row">
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              変更する
            </button>
          </div>
        ) : null}
      </>
    );
  }
  if (!tab.writable) return <p>{empty}</p>;
  return (
    <DraftForm<S>
      key={record ? versionOf(record) : 'new'}
      formId={form.formId}
      draftKey={caseDraftKey(tab.caseId, form.draft)}
      initial={form.initial(record)}
      submitLabel={record ? form.submitChange : form.submitNew}
      check={form.check}
      mapField={form.mapField}
      send={(values, kit) => form.send(values, record, kit)}
      onSaved={() => {
        setEditing(false);
        tab.onSaved(form.saved);
      }}
      onCancel={record ? () => setEditing(false) : undefined}
    >
      {(kit) => form.fields(kit, record)}
    </DraftForm>
  );
}
