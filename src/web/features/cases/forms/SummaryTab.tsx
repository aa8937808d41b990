import { Link } from 'react-router';
import { DateText } from '../../../components/DateText';
import { PrintLink } from '../../../components/PrintLink';
import { CASE_STATUS_LABELS, labelOf, MOVES } from '../../../labels';
import type { DirectoryEntry } from '../../../types';
import { printHref, type CaseTabProps, type PrintForm } from '../caseTab';

interface FormLine {
  tab: string;
  label: string;
  done: boolean;
  count?: number;
  print?: PrintForm;
}

/** The case at a glance: which forms are on record, the stage changes so far, and the forms to print. */
export function SummaryTab({
  tab,
  directory,
  formLines,
}: {
  tab: CaseTabProps;
  directory: readonly DirectoryEntry[];
  formLines: FormLine[];
}) {
  const { detail, caseId } = tab;
  const nameOf = (staffId: string) => directory.find((s) => s.staffId === staffId)?.displayName ?? '—';
  return (
    <>
      <section className="subcard" aria-labelledby="summary-forms">
        <h3 id="summary-forms">様式の記録状況</h3>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">様式</th>
                <th scope="col">状況</th>
                <th scope="col">印刷</th>
              </tr>
            </thead>
            <tbody>
              {formLines.map((f) => (
                <tr key={f.tab}>
                  <th scope="row">
                    <Link to={`?tab=${f.tab}`}>{f.label}</Link>
                  </th>
                  <td>
                    {f.done ? (
                      <span className="badge badge--ok">{f.count !== undefined ? `${f.count}件` : '記録済み'}</span>
                    ) : (
                      <span className="badge badge--neutral">未記録</span>
                    )}
                  </td>
                  <td>
                    {f.print && f.done ? (
                      <PrintLink href={printHref(caseId, f.print)} label={`${f.label}を印刷する`} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="subcard" aria-labelledby="summary-moves">
        <h3 id="summary-moves">段階の変更の記録</h3>
        {detail.transitions.length === 0 ? (
          <p>まだ段階は変更されていません（相談受付の段階です）。</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">変更日</th>
                  <th scope="col">変更</th>
                  <th scope="col">変更後の段階</th>
                  <th scope="col">理由・備考</th>
                  <th scope="col">記録した職員</th>
                </tr>
              </thead>
              <tbody>
                {[...detail.transitions].reverse().map((t) => (
                  <tr key={t.transitionId}>
                    <td className="nowrap">
                      <DateText value={t.effectiveOn} />
                    </td>
                    <td>{MOVES[t.transition]?.label ?? t.transition}</td>
                    <td>{labelOf(CASE_STATUS_LABELS, t.toStatus)}</td>
                    <td className="pre-line">{t.note ?? ''}</td>
                    <td>{nameOf(t.recordedBy)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
