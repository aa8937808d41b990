import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ageOn, isIsoDate, tokyoDate } from '../../../shared/wareki';
import { DateText } from '../../components/DateText';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useApiGet } from '../../components/useApiGet';
import { useSignedIn } from '../auth/useSession';
import type { ConsulteeSearchItem } from '../../types';
import { CaseBadge } from '../casework/CaseBadge';

const FIELD_IDS = { q: 'search-q', birthDate: 'search-birth', phone: 'search-phone' } as const;

/** The ways to find a person: by any spelling of the name, by birth date, by phone. */
const SEARCH_FIELDS = [
  { name: 'q', type: 'search', label: '氏名・フリガナ', hint: '例: 見本 太郎、みほん、ﾐﾎﾝ ﾀﾛｳ' },
  { name: 'birthDate', type: 'text', label: '生年月日', hint: '例: 昭和55年1月1日、S55.1.1、1980-01-01' },
  { name: 'phone', type: 'tel', label: '電話番号', hint: '番号全体か、末尾の4桁以上で探せます。' },
] as const;

/**
 * 相談者の検索: by name or kana however typed (漢字, ひらがな, カタカナ, ｶﾅ), date of
 * birth in 和暦 or Gregorian, and phone number. The criteria live in the address,
 * so the browser's back button returns to the results.
 */
export function ConsulteeSearchPage() {
  const { can } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const query = {
    q: params.get('q') ?? '',
    birthDate: params.get('birthDate') ?? '',
    phone: params.get('phone') ?? '',
  };
  const searching = Boolean(query.q || query.birthDate || query.phone);
  const { data, problem, loading } = useApiGet<{ items: ConsulteeSearchItem[] }>('/api/consultees', query);
  const [today] = useState(() => tokyoDate(new Date()));

  return (
    <Page
      title="相談者"
      lead="氏名・フリガナ（漢字・ひらがな・カタカナ・半角カナのどれでも）、生年月日、電話番号で探せます。開いた記録はすべてアクセス記録に残ります。"
    >
      {can('consultee.write') ? (
        <div className="button-row">
          <Link to="/consultees/new" className="button">
            新規相談者の登録
          </Link>
        </div>
      ) : null}
      <SearchForm
        key={params.toString()}
        initial={query}
        onSearch={(next) => {
          const out = new URLSearchParams();
          for (const [k, v] of Object.entries(next)) if (v.trim()) out.set(k, v.trim());
          setParams(out);
        }}
      />
      {problem ? <ErrorSummary problem={problem} fieldIds={FIELD_IDS} /> : null}
      {loading ? <Loading label="検索しています…" /> : null}
      {data ? <Results items={data.items} searching={searching} today={today} /> : null}
    </Page>
  );
}

interface Criteria {
  q: string;
  birthDate: string;
  phone: string;
}

function SearchForm({ initial, onSearch }: { initial: Criteria; onSearch: (c: Criteria) => void }) {
  const [values, setValues] = useState(initial);
  const set = (key: keyof Criteria, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(values);
  };
  return (
    <form className="form card search-form" role="search" aria-label="相談者の検索" onSubmit={submit} noValidate>
      <div className="search-grid">
        {SEARCH_FIELDS.map((f) => (
          <Field key={f.name} id={FIELD_IDS[f.name]} label={f.label} hint={f.hint}>
            {(control) => (
              <input
                {...control}
                type={f.type}
                className="input"
                autoComplete="off"
                value={values[f.name]}
                onChange={(e) => set(f.name, e.target.value)}
              />
            )}
          </Field>
        ))}
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          検索する
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setValues({ q: '', birthDate: '', phone: '' });
            onSearch({ q: '', birthDate: '', phone: '' });
          }}
        >
          条件をクリア
        </button>
      </div>
    </form>
  );
}

function Results({ items, searching, today }: { items: ConsulteeSearchItem[]; searching: boolean; today: string }) {
  const caption = searching ? `検索結果（${items.length}人）` : `閲覧できる相談者（${items.length}人）`;
  if (items.length === 0) {
    return (
      <p role="status">
        {searching
          ? '条件に合う相談者は見つかりませんでした。表記を変えるか、条件を減らしてお試しください。'
          : '閲覧できる相談者はいません。'}
      </p>
    );
  }
  return (
    <div className="table-wrap" role="region" aria-labelledby="results-caption" tabIndex={0}>
      <table className="table">
        <caption id="results-caption" className="table-caption">
          {caption}
          {items.length >= 50 ? <span className="muted small">（上位50人まで表示しています）</span> : null}
        </caption>
        <thead>
          <tr>
            <th scope="col">氏名</th>
            <th scope="col">フリガナ</th>
            <th scope="col">生年月日</th>
            <th scope="col">ケース</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.consulteeId}>
              <th scope="row" className="cell-name">
                <Link to={`/consultees/${c.consulteeId}`}>
                  {c.familyName} {c.givenName}
                </Link>
              </th>
              <td className="nowrap">
                {c.familyNameKana} {c.givenNameKana}
              </td>
              <td className="nowrap">
                {c.birthDate && isIsoDate(c.birthDate) ? (
                  <>
                    <DateText value={c.birthDate} />
                    <span className="age">{ageOn(c.birthDate, today)}歳</span>
                  </>
                ) : (
                  <span className="muted">未登録</span>
                )}
              </td>
              <td>
                {c.cases.length === 0 ? (
                  <span className="muted">なし</span>
                ) : (
                  <ul className="case-list">
                    {c.cases.map((k) => (
                      <li key={k.caseId}>
                        <Link to={`/cases/${k.caseId}`}>
                          <CaseBadge program={k.program} status={k.status} />
                        </Link>
                        <span className="muted small">
                          受付 <DateText value={k.openedOn} />
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
