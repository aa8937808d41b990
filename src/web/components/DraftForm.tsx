import type { ReactNode } from 'react';
import { DraftLoader, DraftRestored, DraftStatus, type DraftHandle } from './drafts';
import { KitForm } from './KitForm';
import { SubmitRow } from './SubmitRow';
import { useFormKit, type FormKit } from './useFormKit';

export interface DraftFormProps<S extends object> {
  /** The prefix of every field's element id; unique on the page. */
  formId: string;
  draftKey: string;
  /** The record edited, for a draft key that cannot name it. */
  recordId?: string;
  /** The values from the saved record or a new form's defaults. Read once: key the form by the record. */
  initial: S;
  submitLabel: string;
  /** Sends the values; throws the server's refusal (the kit lets it open fields a refusal asks for). */
  send: (values: S, kit: FormKit<S>) => Promise<unknown>;
  check?: (values: S) => Record<string, string>;
  /** After the record is saved and the draft deleted. */
  onSaved: () => void | Promise<void>;
  onCancel?: () => void;
  /** The form's field for a path the server names differently. */
  mapField?: (path: string) => string;
  /** The label of the form for assistive technology (the id of its heading). */
  labelledBy?: string;
  children: (kit: FormKit<S>) => ReactNode;
}

/**
 * A form with a draft: the draft is read before the fields appear, typing is
 * autosaved, a refusal is summarised at the top (which takes focus) and shown at
 * each field, and on success the draft is deleted.
 */
export function DraftForm<S extends object>(props: DraftFormProps<S>) {
  return (
    <DraftLoader draftKey={props.draftKey} fallback={props.initial} recordId={props.recordId}>
      {(initial, draft) => <DraftFormBody {...props} initial={initial} draft={draft} />}
    </DraftLoader>
  );
}

function DraftFormBody<S extends object>({
  formId,
  initial,
  draft,
  submitLabel,
  send,
  check,
  onSaved,
  onCancel,
  mapField,
  labelledBy,
  children,
}: DraftFormProps<S> & { draft: DraftHandle }) {
  const kit = useFormKit(formId, initial, draft);
  return (
    <>
      <DraftRestored draft={draft} onDiscard={kit.discardDraft} />
      <KitForm
        kit={kit}
        className="form"
        labelledBy={labelledBy}
        onSubmit={kit.submit(() => send(kit.values, kit), {
          check: () => check?.(kit.values) ?? {},
          after: onSaved,
          mapField,
        })}
      >
        {children(kit)}
        <DraftStatus state={kit.autosave.state} />
        <SubmitRow busy={kit.busy} label={submitLabel} busyLabel="保存しています…">
          {onCancel ? (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              やめる
            </button>
          ) : null}
        </SubmitRow>
      </KitForm>
    </>
  );
}
