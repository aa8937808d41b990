import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api';
import type { DateStatus } from '../../components/DateField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { localProblem, problemFrom, type FormProblem } from '../../components/formProblem';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useApiGet } from '../../components/useApiGet';
import type { AuditEvent, AuditPage as EventPage, DirectoryEntry } from '../../types';
import {
  EMPTY_FILTERS,
  filterProblems,
  filtersFromParams,
  paramsFromFilters,
  queryFromFilters,
  type AuditFilters,
} from './auditFilters';
import { AuditFiltersForm, FILTER_FIELD_IDS } from './AuditFiltersForm';
import { AuditTable } from './AuditTable';

interface Results {
  key: string;
  items: AuditEvent[];
  nextCursor: string | null;
  problem: FormProblem | null;
}

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const applied = useMemo(() => filtersFromParams(new URLSearchParams(paramsKey)), [paramsKey]);
  const [run, setRun] = useState(0);
  const key = `${paramsKey}#${run}`;

  const [draft, setDraft] = useState<AuditFilters>(applied);
  const [dates, setDates] = useState<Record<'from' | 'to', DateStatus>>({
    from: applied.from ? 'valid' : 'empty',
    to: applied.to ? 'valid' : 'empty',
  });
  const [dateKey, setDateKey] = useState(0);
  const [formProblem, setFormProblem] = useState<FormProblem | null>(null);
  const [results, setResults] = useState<Results>({ key: '', items: [], nextCursor: null, problem: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const [subjectNames, setSubjectNames] = useState<ReadonlyMap<string, string>>(new Map());
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const directory = useApiGet<{ items: DirectoryEntry[] }>('/api/staff/directory');
  const staffNames = useMemo(
    () => new Map((directory.data?.items ?? []).map((s) => [s.staffId, s.displayName])),
    [directory.data],
  );

  useEffect(() => {
    let live = true;
    api.get<EventPage>('/api/audit/events', queryFromFilters(applied)).then(
      (page) => {
        if (live) setResults({ key, items: page.items, nextCursor: page.nextCursor, problem: null });
      },
      (error: unknown) => {
        if (live) setResults({ key, items: [], nextCursor: null, problem: problemFrom(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, applied]);

  const loading = results.key !== key;

  const apply = (filters: AuditFilters) => {
    setParams(paramsFromFilters(filters));
    setRun((r) => r + 1);
  };

  const search = () => {
    const fields = filterProblems(draft);
    if (dates.from === 'invalid') fields.from = '「期間（開始）」を正しい日付で入力してください';
    if (dates.to === 'invalid') fields.to = '「期間（終了）」を正しい日付で入力してください';
    const local = localProblem(fields);
    setFormProblem(local);
    if (!local) apply(draft);
  };

  const clear = () => {
    setDraft(EMPTY_FILTERS);
    setDates({ from: 'empty', to: 'empty' });
    setDateKey((k) => k + 1);
    setFormProblem(null);
    apply(EMPTY_FILTERS);
  };

  const filterBySubject = (consulteeId: string, name: string | null) => {
    if (name) setSubjectNames((m) => new Map(m).set(consulteeId, name));
    const next = { ...applied, subjectId: consulteeId };
    setDraft(next);
    setFormProblem(null);
    apply(next);
    resultsHeading.current?.focus();
  };

  const loadMore = async () => {
    if (!results.nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await api.get<EventPage>('/api/audit/events', queryFromFilters(applied, results.nextCursor));
      setResults((r) =>
        r.key === key ? { ...r, items: [...r.items, ...page.items], nextCursor: page.nextCursor } : r,
      );
    } catch (error) {
      setResults((r) => (r.key === key ? { ...r, problem: problemFrom(error) } : r));
    } finally {
      setLoadingMore(false);
    }
  };

  const problem = formProblem ?? (loading ? null : results.problem);
  const notAssignedCount = results.items.filter((e) => e.notAssigned).length;

  return (
    <Page
      title="アクセス記録"
      lead="職員が、いつ、誰の、どの個人情報を、何の目的で閲覧・操作したかの記録です。この検索も記録されます。"
    >
      <ErrorSummary problem={problem} fieldIds={FILTER_FIELD_IDS} />
      <AuditFiltersForm
        draft={draft}
        onDraft={setDraft}
        onDateStatus={(field, status) => setDates((d) => ({ ...d, [field]: status }))}
        dateKey={dateKey}
        directory={directory.data?.items ?? []}
        subjectName={subjectNames.get(draft.subjectId)}
        problem={problem}
        busy={loading}
        onSubmit={search}
        onClear={clear}
      />

      <section aria-labelledby="results-title" className="results">
        <h2 id="results-title" ref={resultsHeading} tabIndex={-1}>
          検索結果
        </h2>
        <div className="legend">
          <span className="badge badge--not-assigned">担当外</span>
          <p>
            担当していない相談者の記録へのアクセスです（窓口内・組織内・監督の立場での閲覧）。業務上の理由があったか確認してください。
          </p>
        </div>
        {loading ? <Loading label="検索しています…" /> : null}
        {!loading && !results.problem ? (
          <p role="status" className="result-count">
            {results.items.length === 0
              ? '条件に合う記録はありません。'
              : `${results.items.length}件を表示しています${results.nextCursor ? '（さらにあります）' : ''}。うち担当外のアクセスは${notAssignedCount}件です。`}
          </p>
        ) : null}
        {!loading && results.items.length > 0 ? (
          <>
            <AuditTable events={results.items} staffNames={staffNames} onSubject={filterBySubject} />
            {results.nextCursor ? (
              <div className="button-row">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={loadingMore}
                  onClick={() => void loadMore()}
                >
                  {loadingMore ? '読み込んでいます…' : 'さらに表示'}
                </button>
              </div>
            ) : null}
          </>
        ) : null}
        {!loading && results.problem && formProblem ? <Notice kind="error">{results.problem.message}</Notice> : null}
      </section>
    </Page>
  );
}
