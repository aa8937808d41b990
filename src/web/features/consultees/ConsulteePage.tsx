import { useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { profileItem } from '../../../shared/catalog';
import { ageOn, isIsoDate, tokyoDate } from '../../../shared/wareki';
import { DateText } from '../../components/DateText';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { TabNav, TabPanel } from '../../components/TabNav';
import { useAnnouncer } from '../../components/useAnnouncer';
import { useApiGet } from '../../components/useApiGet';
import { BASIS_LABELS, labelOf, WITHHELD_TEXT } from '../../labels';
import type { ConsulteeDetail, ConsulteeRow, HistoryEntry } from '../../types';
import { BasisNotice } from '../casework/BasisNotice';
import { HistoryList } from '../casework/HistoryList';
import { Withheld } from '../casework/RecordFields';
import { BasicTab } from './BasicTab';
import { CasesCard } from './CasesCard';
import { ConsentsTab } from './ConsentsTab';
import { MyNumberTab } from './MyNumberTab';
import { OutOfPurposeTab } from './OutOfPurposeTab';
import { ProfileTab } from './ProfileTab';
import { ProvisionsTab } from './ProvisionsTab';

const TABS = [
  { id: 'basic', label: '基本情報・世帯' },
  { id: 'profile', label: '本人の状況' },
  { id: 'consents', label: '同意' },
  { id: 'provisions', label: '提供・受領' },
  { id: 'out_of_purpose', label: '目的外利用' },
  { id: 'my_number', label: '個人番号' },
  { id: 'history', label: '変更履歴' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function fullName(c: Partial<ConsulteeRow>): string {
  return `${c.familyName ?? ''} ${c.givenName ?? ''}`.trim();
}

/** The context a consultee page is opened with: who is reading, and why. */
export interface ConsulteeTabProps {
  detail: ConsulteeDetail;
  consulteeId: string;
  today: string;
  /** After a save: reads the record again and says what was saved. */
  onSaved: (message: string) => void;
}

/**
 * 相談者の記録: the person (basic information, household), what is known about
 * them (profile items with their source), the consents, the cases, and every
 * change. Opening it is an audited read; one not assigned to the reader says so.
 */
export function ConsulteePage() {
  const { consulteeId = '' } = useParams();
  const location = useLocation();
  const [params] = useSearchParams();
  const requested = params.get('tab');
  const tab: TabId = TABS.some((t) => t.id === requested) ? (requested as TabId) : 'basic';
  const [today] = useState(() => tokyoDate(new Date()));
  const path = `/api/consultees/${encodeURIComponent(consulteeId)}`;
  const { data, problem, loading, reload } = useApiGet<ConsulteeDetail>(path, undefined, { keepWhileReloading: true });
  const { element: announcement, announce } = useAnnouncer(tab);
  const arrival = (location.state as { notice?: string } | null)?.notice;
  const name = data ? fullName(data.consultee) : '';

  const onSaved = (message: string) => {
    reload();
    announce(message);
  };

  return (
    <Page title={name ? `相談者: ${name}` : '相談者の記録'} documentTitle="相談者の記録">
      <p>
        <Link to="/consultees">相談者の検索へ戻る</Link>
      </p>
      {loading ? <Loading /> : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {data ? (
        <>
          {arrival ? <Notice kind="success">{arrival}</Notice> : null}
          <BasisNotice basis={data.basis} label={labelOf(BASIS_LABELS, data.basis)} />
          {data.withheld.length > 0 ? (
            <p className="muted">
              あなたの役割では閲覧できない項目があります。それらの項目には「{WITHHELD_TEXT}」と表示しています。
            </p>
          ) : null}
          <PersonCard detail={data} today={today} />
          <CasesCard detail={data} consulteeId={consulteeId} today={today} />
          <TabNav
            label="相談者の記録"
            items={TABS.map((t) => ({
              ...t,
              note: t.id === 'consents' ? `${data.consents.length}件` : undefined,
            }))}
            current={tab}
            hrefFor={(id) => `?tab=${id}`}
          />
          <TabPanel tab={tab} title={TABS.find((t) => t.id === tab)?.label ?? ''}>
            {announcement}
            {tab === 'basic' ? (
              <BasicTab detail={data} consulteeId={consulteeId} today={today} onSaved={onSaved} />
            ) : null}
            {tab === 'profile' ? (
              <ProfileTab detail={data} consulteeId={consulteeId} today={today} onSaved={onSaved} />
            ) : null}
            {tab === 'consents' ? (
              <ConsentsTab detail={data} consulteeId={consulteeId} today={today} onSaved={onSaved} />
            ) : null}
            {tab === 'provisions' ? (
              <ProvisionsTab detail={data} consulteeId={consulteeId} today={today} onSaved={onSaved} />
            ) : null}
            {tab === 'out_of_purpose' ? (
              <OutOfPurposeTab detail={data} consulteeId={consulteeId} today={today} onSaved={onSaved} />
            ) : null}
            {tab === 'my_number' ? (
              <MyNumberTab detail={data} consulteeId={consulteeId} today={today} onSaved={onSaved} />
            ) : null}
            {tab === 'history' ? (
              <HistoryList path={`${path}/history`} describe={(entry) => describeEntry(data, entry)} />
            ) : null}
          </TabPanel>
        </>
      ) : null}
    </Page>
  );
}

/** Which record of the consultee a change is to: the profile item, the household member, the consent. */
function describeEntry(detail: ConsulteeDetail, entry: HistoryEntry): string | null {
  if (entry.recordTable === 'profile_items') {
    const item = detail.profile.find((p) => p.itemId === entry.recordId);
    const key = item?.itemKey ?? (entry.changes.itemKey?.to as string | undefined);
    return key ? (profileItem(key)?.label ?? key) : null;
  }
  if (entry.recordTable === 'household_members') {
    const m = detail.household.find((h) => h.memberId === entry.recordId);
    return m ? `${m.familyName} ${m.givenName ?? ''}`.trim() : null;
  }
  return null;
}

function PersonCard({ detail, today }: { detail: ConsulteeDetail; today: string }) {
  const c = detail.consultee;
  const hidden = (field: string) => detail.withheld.includes(field);
  return (
    <section className="card person" aria-labelledby="person-title">
      <h2 id="person-title" className="visually-hidden">
        相談者の概要
      </h2>
      <dl className="person-facts">
        <div>
          <dt>フリガナ</dt>
          <dd>{hidden('familyNameKana') ? <Withheld /> : `${c.familyNameKana ?? ''} ${c.givenNameKana ?? ''}`}</dd>
        </div>
        <div>
          <dt>生年月日</dt>
          <dd>
            {hidden('birthDate') ? (
              <Withheld />
            ) : c.birthDate && isIsoDate(c.birthDate) ? (
              <>
                <DateText value={c.birthDate} variant="full" />
                <span className="age">{ageOn(c.birthDate, today)}歳</span>
              </>
            ) : (
              <span className="muted">未登録</span>
            )}
          </dd>
        </div>
        <div>
          <dt>電話番号</dt>
          <dd>
            {hidden('phone') ? (
              <Withheld />
            ) : (
              [c.phone, c.phoneMobile].filter(Boolean).join('、') || <span className="muted">未登録</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
