import type { FormEvent } from 'react';
import { DateField, type DateStatus } from '../../components/DateField';
import { Field } from '../../components/Field';
import type { FormProblem } from '../../components/formProblem';
import { SubmitRow } from '../../components/SubmitRow';
import { TextField } from '../../components/TextField';
import type { DirectoryEntry } from '../../types';
import type { AuditFilters } from './auditFilters';
import { CATEGORY_LABELS, OUTCOME_LABELS } from './auditLabels';

export const FILTER_FIELD_IDS = {
  staffId: 'filter-staff',
  subjectId: 'filter-subject',
  from: 'filter-from',
  to: 'filter-to',
  category: 'filter-category',
  action: 'filter-action',
  outcome: 'filter-outcome',
  notAssignedOnly: 'filter-not-assigned',
} as const;

interface AuditFiltersFormProps {
  draft: AuditFilters;
  onDraft: (next: AuditFilters) => void;
  onDateStatus: (field: 'from' | 'to', status: DateStatus) => void;
  /** Changes when the date fields must start again from the draft (after 条件をクリア). */
  dateKey: number;
  directory: readonly DirectoryEntry[];
  subjectName: string | undefined;
  problem: FormProblem | null;
  busy: boolean;
  onSubmit: () => void;
  onClear: () => void;
}

export function AuditFiltersForm(props: AuditFiltersFormProps) {
  const { draft, onDraft, directory, problem } = props;
  const set = <K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) => onDraft({ ...draft, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };

  return (
    <form className="form card filters" onSubmit={submit} noValidate aria-labelledby="filters-title">
      <h2 id="filters-title">検索条件</h2>
      <div className="filters-grid">
        <Field id={FILTER_FIELD_IDS.staffId} label="職員" error={problem?.fields.staffId}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={draft.staffId}
              onChange={(e) => set('staffId', e.target.value)}
            >
              <option value="">すべての職員</option>
              {directory.map((s) => (
                <option key={s.staffId} value={s.staffId}>
                  {s.displayName}
                  {s.officeName ? `(${s.officeName})` : `(${s.organizationName})`}
                  {s.disabled ? ' 利用停止中' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          id={FILTER_FIELD_IDS.subjectId}
          label="相談者ID"
          hint={props.subjectName ? `相談者: ${props.subjectName}` : '記録の「対象」の名前を選ぶと入力されます。'}
          error={problem?.fields.subjectId}
          className="input input--wide mono"
          autoComplete="off"
          spellCheck={false}
          value={draft.subjectId}
          onChange={(value) => set('subjectId', value.trim())}
        />
        <DateField
          key={`from-${props.dateKey}`}
          id={FILTER_FIELD_IDS.from}
          label="期間（開始）"
          defaultValue={draft.from || null}
          hint="例: 令和8年4月1日、R8.4.1"
          onChange={(value, status) => {
            set('from', value ?? '');
            props.onDateStatus('from', status);
          }}
          error={problem?.fields.from}
        />
        <DateField
          key={`to-${props.dateKey}`}
          id={FILTER_FIELD_IDS.to}
          label="期間（終了）"
          defaultValue={draft.to || null}
          hint="この日を含みます"
          onChange={(value, status) => {
            set('to', value ?? '');
            props.onDateStatus('to', status);
          }}
          error={problem?.fields.to}
        />
        <Field id={FILTER_FIELD_IDS.category} label="区分" error={problem?.fields.category}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={draft.category}
              onChange={(e) => set('category', e.target.value)}
            >
              <option value="">すべて</option>
              {Object.entries(CATEGORY_LABELS).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          id={FILTER_FIELD_IDS.action}
          label="操作"
          hint="操作の記号の前方一致。例: sign_in（ログイン全般）、consultee.read"
          error={problem?.fields.action}
          className="input input--medium mono"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={draft.action}
          onChange={(value) => set('action', value.trim())}
        />
        <Field id={FILTER_FIELD_IDS.outcome} label="結果" error={problem?.fields.outcome}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={draft.outcome}
              onChange={(e) => set('outcome', e.target.value)}
            >
              <option value="">すべて</option>
              {Object.entries(OUTCOME_LABELS).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field field--checkbox">
          <div className="checkbox">
            <input
              id={FILTER_FIELD_IDS.notAssignedOnly}
              type="checkbox"
              checked={draft.notAssignedOnly}
              onChange={(e) => set('notAssignedOnly', e.target.checked)}
            />
            <label htmlFor={FILTER_FIELD_IDS.notAssignedOnly}>担当外のアクセスのみ</label>
          </div>
        </div>
      </div>
      <SubmitRow busy={props.busy} label="検索する">
        <button type="button" className="button button--secondary" onClick={props.onClear}>
          条件をクリア
        </button>
      </SubmitRow>
    </form>
  );
}
