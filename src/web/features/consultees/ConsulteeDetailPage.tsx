import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ageOn, isIsoDate, tokyoDate } from '../../../shared/wareki';
import { DateText } from '../../components/DateText';
import { DateTimeText } from '../../components/DateTimeText';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useApiGet } from '../../components/useApiGet';
import { BASIS_LABELS, labelOf, SEX_LABELS } from '../../labels';
import type { ConsulteeRecord } from '../../types';

export const WITHHELD_TEXT = '権限がないため表示されません';

interface Row {
  label: string;
  /** The record's fields behind this row; withheld if any of them is. */
  fields: (keyof ConsulteeRecord)[];
  render: (c: ConsulteeRecord, today: string) => ReactNode;
  sensitive?: boolean;
}

const orNone = (value: string | null | undefined): ReactNode => (value ? value : <span className="muted">未登録</span>);

function postal(value: string | null | undefined): ReactNode {
  if (!value) return orNone(value);
  return /^\d{7}$/.test(value) ? `〒${value.slice(0, 3)}-${value.slice(3)}` : `〒${value}`;
}

const ROWS: readonly Row[] = [
  { label: '氏名', fields: ['familyName', 'givenName'], render: (c) => `${c.familyName ?? ''} ${c.givenName ?? ''}` },
  {
    label: 'フリガナ',
    fields: ['familyNameKana', 'givenNameKana'],
    render: (c) => `${c.familyNameKana ?? ''} ${c.givenNameKana ?? ''}`,
  },
  { label: '性別', fields: ['sex'], render: (c) => orNone(labelOf(SEX_LABELS, c.sex)) },
  {
    label: '生年月日',
    fields: ['birthDate'],
    render: (c, today) =>
      c.birthDate && isIsoDate(c.birthDate) ? (
        <>
          <DateText value={c.birthDate} variant="full" />
          <span className="age">{ageOn(c.birthDate, today)}歳</span>
        </>
      ) : (
        orNone(c.birthDate)
      ),
  },
  { label: '郵便番号', fields: ['postalCode'], render: (c) => postal(c.postalCode) },
  { label: '住所', fields: ['address'], render: (c) => orNone(c.address) },
  { label: '電話番号', fields: ['phone'], render: (c) => orNone(c.phone) },
  {
    label: '健康状態（病気・障害等）',
    fields: ['healthSummary'],
    render: (c) => orNone(c.healthSummary),
    sensitive: true,
  },
  { label: '登録日時', fields: ['createdAt'], render: (c) => <DateTimeText value={c.createdAt} /> },
  { label: '更新日時', fields: ['updatedAt'], render: (c) => <DateTimeText value={c.updatedAt} /> },
];

function fullName(c: ConsulteeRecord): string | null {
  const name = `${c.familyName ?? ''} ${c.givenName ?? ''}`.trim();
  return name || null;
}

export function ConsulteeDetailPage() {
  const { consulteeId = '' } = useParams();
  const [today] = useState(() => tokyoDate(new Date()));
  const { data, problem, loading } = useApiGet<ConsulteeRecord>(`/api/consultees/${encodeURIComponent(consulteeId)}`);
  const name = data ? fullName(data) : null;

  return (
    <Page title={name ? `相談者: ${name}` : '相談者の基本情報'} documentTitle="相談者の基本情報">
      <p>
        <Link to="/consultees">相談者の一覧へ戻る</Link>
      </p>
      {loading ? <Loading /> : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {data ? (
        <>
          <BasisNotice basis={data.basis} />
          {data.withheld.length > 0 ? (
            <p className="muted">
              あなたの役割では閲覧できない項目があります。それらの項目には「{WITHHELD_TEXT}」と表示しています。
            </p>
          ) : null}
          <section aria-labelledby="basic-title" className="card">
            <h2 id="basic-title">基本情報</h2>
            <dl className="detail-list">
              {ROWS.map((row) => {
                const withheld = row.fields.some((f) => data.withheld.includes(f));
                return (
                  <div key={row.label} className={withheld ? 'detail-row detail-row--withheld' : 'detail-row'}>
                    <dt>
                      {row.label}
                      {row.sensitive ? <span className="tag tag--sensitive">要配慮個人情報</span> : null}
                    </dt>
                    <dd>{withheld ? <span className="withheld">{WITHHELD_TEXT}</span> : row.render(data, today)}</dd>
                  </div>
                );
              })}
            </dl>
          </section>
        </>
      ) : null}
    </Page>
  );
}

function BasisNotice({ basis }: { basis: string }) {
  const label = labelOf(BASIS_LABELS, basis);
  if (basis === 'assigned') {
    return (
      <p className="basis">
        閲覧の根拠: <strong>{label}</strong>（あなたが担当している相談者です）
      </p>
    );
  }
  return (
    <Notice kind="warning" title={`担当外の閲覧です（閲覧の根拠: ${label}）`}>
      <p>あなたはこの相談者の担当ではありません。この閲覧はアクセス記録に「担当外」のアクセスとして残ります。</p>
    </Notice>
  );
}
