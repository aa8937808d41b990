import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useParams } from 'react-router';
import type { Static } from 'typebox';
import type { PublicPage } from '../../../server/modules/public-profile/schema';
import { formatGregorian, formatWareki } from '../../../shared/wareki';
import { api, ApiError } from '../../api';
import './public.css';

type Published = Static<typeof PublicPage>;
type JointUse = Published['jointUses'][number];

type State = { kind: 'loading' } | { kind: 'shown'; page: Published } | { kind: 'missing' } | { kind: 'failed' };

/** 令和8年4月1日（2026年4月1日）: the public reads both. */
function day(value: string): string {
  return `${formatWareki(value)}（${formatGregorian(value)}）`;
}

function Lines({ text }: { text: string }) {
  return <p className="public-text">{text}</p>;
}

/**
 * The agency's public notice on its handling of personal information (DSR-1,
 * PUB-1), for anyone, without signing in: its name, address and representative,
 * its purposes, how to make a request and the fees, its security measures, where
 * to complain, the related agencies, the joint uses and the register of
 * operations. Rendered outside the staff screens: no session is read or needed.
 */
export function PublicNoticePage() {
  const { tenantCode = '' } = useParams();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    api.get<Published>(`/api/public/${encodeURIComponent(tenantCode)}`, undefined, { noRedirect: true }).then(
      (page) => {
        if (live) setState({ kind: 'shown', page });
      },
      (error: unknown) => {
        if (!live) return;
        const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
        setState({ kind: missing ? 'missing' : 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [tenantCode]);

  const title = state.kind === 'shown' ? state.page.organizationName : null;
  useEffect(() => {
    document.title = title ? `個人情報の取扱いについて | ${title}` : '個人情報の取扱いについて';
    if (state.kind !== 'loading') heading.current?.focus();
  }, [title, state.kind]);

  return (
    <div className="public">
      <header className="public-header">
        <div className="public-container">
          <p className="public-org">{title ?? '公表事項'}</p>
        </div>
      </header>
      <main id="main" className="public-main">
        <div className="public-container">
          {state.kind === 'loading' ? (
            <p role="status">読み込んでいます…</p>
          ) : state.kind === 'shown' ? (
            <Notice page={state.page} heading={heading} />
          ) : (
            <>
              <h1 ref={heading} tabIndex={-1} className="public-title">
                {state.kind === 'missing' ? '公表されている情報は見つかりません' : '表示できませんでした'}
              </h1>
              <p>
                {state.kind === 'missing'
                  ? 'アドレスをお確かめください。'
                  : '時間をおいてから、ページを再読み込みしてください。'}
              </p>
            </>
          )}
        </div>
      </main>
      <footer className="public-footer">
        <div className="public-container">
          {state.kind === 'shown' ? (
            <p>{`${state.page.organizationName}　最終更新 ${day(state.page.updatedOn)}`}</p>
          ) : null}
        </div>
      </footer>
    </div>
  );
}

const SECTIONS = [
  ['organization', '事業者の名称・住所・代表者'],
  ['policy', '個人情報保護方針'],
  ['purposes', '個人情報の利用目的'],
  ['requests', '開示等の請求の手続'],
  ['fees', '手数料'],
  ['security', '安全管理のために講じた措置'],
  ['complaints', '苦情の申出先'],
  ['agencies', '関係機関・関係者'],
  ['joint-use', '個人データの共同利用'],
  ['register', '個人情報ファイル簿'],
] as const;

function Section({ id, children }: { id: (typeof SECTIONS)[number][0]; children: ReactNode }) {
  const title = SECTIONS.find(([key]) => key === id)?.[1] ?? '';
  return (
    <section className="public-section" aria-labelledby={`public-${id}`}>
      <h2 id={`public-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function Notice({ page, heading }: { page: Published; heading: RefObject<HTMLHeadingElement | null> }) {
  const published = page.purposes.filter((p) => p.kind === 'published');
  const management = page.purposes.filter((p) => p.kind !== 'published');
  const sections = SECTIONS.filter(([key]) => key !== 'policy' || page.privacyPolicy);
  return (
    <article>
      <h1 ref={heading} tabIndex={-1} className="public-title">
        個人情報の取扱いについて
      </h1>
      <p className="public-lead">
        {page.organizationName}
        は、個人情報の保護に関する法律その他の関係法令に基づき、保有する個人情報の取扱いについて次の事項を公表します。
      </p>
      <p className="public-asof">{day(page.asOf)}現在</p>

      <nav className="public-toc" aria-labelledby="public-toc-title">
        <h2 id="public-toc-title">目次</h2>
        <ol>
          {sections.map(([key, label]) => (
            <li key={key}>
              <a href={`#public-${key}`}>{label}</a>
            </li>
          ))}
        </ol>
      </nav>

      <Section id="organization">
        <dl className="public-facts">
          <div>
            <dt>名称</dt>
            <dd>{page.organizationName}</dd>
          </div>
          <div>
            <dt>住所</dt>
            <dd>
              <address>{page.address}</address>
            </dd>
          </div>
          <div>
            <dt>代表者</dt>
            <dd>{page.representative}</dd>
          </div>
        </dl>
      </Section>

      {page.privacyPolicy ? (
        <Section id="policy">
          <Lines text={page.privacyPolicy} />
        </Section>
      ) : null}

      <Section id="purposes">
        <p>ご相談者の個人情報は、次の目的の達成に必要な範囲で利用し、その範囲を超えて利用することはありません。</p>
        <ul className="public-list">
          {published.map((p) => (
            <li key={p.wording}>{p.wording}</li>
          ))}
        </ul>
        {management.length > 0 ? (
          <>
            <p>また、個人情報の適正な管理のため、次の目的にも利用します。</p>
            <ul className="public-list">
              {management.map((p) => (
                <li key={p.wording}>{p.wording}</li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>

      <Section id="requests">
        <Lines text={page.requestProcedure} />
      </Section>

      <Section id="fees">
        <Lines text={page.fees} />
      </Section>

      <Section id="security">
        <Lines text={page.securityMeasures} />
      </Section>

      <Section id="complaints">
        <address className="public-address">{page.complaintContact}</address>
      </Section>

      <Section id="agencies">
        <p>
          ご相談者の同意を得た上で、支援に必要な範囲で、次の関係機関・関係者に個人情報を提供することがあります（法令に基づく場合等を除き、同意なく提供することはありません）。
        </p>
        {page.relatedAgencies.length > 0 ? (
          <ul className="public-columns">
            {page.relatedAgencies.map((a) => (
              <li key={a.name}>{a.name}</li>
            ))}
          </ul>
        ) : (
          <p>現在、掲載している関係機関はありません。</p>
        )}
      </Section>

      <Section id="joint-use">
        {page.jointUses.length === 0 ? (
          <p>現在、個人データの共同利用は行っていません。</p>
        ) : (
          <>
            <p>次のとおり、個人データを特定の者と共同して利用します。</p>
            {page.jointUses.map((j) => (
              <JointUseBlock key={j.title} jointUse={j} />
            ))}
          </>
        )}
      </Section>

      <Section id="register">
        <p>個人情報を取り扱う業務の概要です。廃止した業務は、記録した個人情報の保存期間が終わるまで掲載します。</p>
        {page.register.length === 0 ? <p>掲載している業務はありません。</p> : null}
        {page.register.map((e) => (
          <section key={e.code} className="public-entry" aria-labelledby={`public-entry-${e.code}`}>
            <h3 id={`public-entry-${e.code}`}>
              {`登録番号 ${e.code}　${e.name}`}
              {e.abolishedOn ? <span className="public-badge">廃止</span> : null}
            </h3>
            <dl className="public-facts">
              <Fact label="担当する課・係">{e.section}</Fact>
              <Fact label="利用目的">
                <ul className="public-list">
                  {e.purposes.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
                {e.purposesNote ? <Lines text={e.purposesNote} /> : null}
              </Fact>
              <Fact label="記録される項目">
                <Lines text={e.items} />
              </Fact>
              <Fact label="利用の方法">
                <Lines text={e.methods} />
              </Fact>
              <Fact label="収集先">
                <Lines text={e.sources} />
              </Fact>
              <Fact label="提供先・提供の方法">
                <Lines text={e.recipients} />
              </Fact>
              <Fact label="記録の媒体">{e.media}</Fact>
              <Fact label="保存期間">{e.retention}</Fact>
              {e.recordCount ? <Fact label="記録される者の数">{e.recordCount}</Fact> : null}
              <Fact label="開始日">{day(e.startedOn)}</Fact>
              {e.lastChangedOn ? <Fact label="最終変更日">{day(e.lastChangedOn)}</Fact> : null}
              {e.abolishedOn ? (
                <Fact label="廃止日">
                  {day(e.abolishedOn)}
                  {e.keepUntil ? `（${formatWareki(e.keepUntil)}まで掲載）` : ''}
                </Fact>
              ) : null}
            </dl>
          </section>
        ))}
      </Section>
    </article>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function JointUseContent({ content }: { content: JointUse['current'] }) {
  return (
    <dl className="public-facts">
      <Fact label="共同して利用する個人データの項目">{content.items.join('、')}</Fact>
      <Fact label="共同して利用する者の範囲">
        {content.users.join('、')}
        {content.usersNote ? <Lines text={content.usersNote} /> : null}
      </Fact>
      <Fact label="利用する者の利用目的">
        <ul className="public-list">
          {content.purposes.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </Fact>
      <Fact label="個人データの管理について責任を有する者">
        <address className="public-address">
          {content.responsibleName}
          {'\n'}
          {content.responsibleAddress}
          {'\n'}代表者 {content.responsibleRepresentative}
        </address>
      </Fact>
    </dl>
  );
}

function JointUseBlock({ jointUse: j }: { jointUse: JointUse }) {
  return (
    <section className="public-entry" aria-label={j.title}>
      <h3>{j.title}</h3>
      <p className="public-asof">
        {j.started
          ? `${day(j.current.effectiveFrom)}から実施しています。`
          : `${day(j.current.effectiveFrom)}から実施します。`}
      </p>
      <JointUseContent content={j.current} />
      {j.announcedChange ? (
        <div className="public-change" role="note" aria-label="変更のお知らせ">
          <h4>変更のお知らせ</h4>
          <p>
            {day(j.announcedChange.content.effectiveFrom)}から、
            {j.announcedChange.changes.join('、')}を次のとおり変更します。
          </p>
          <JointUseContent content={j.announcedChange.content} />
        </div>
      ) : null}
    </section>
  );
}
