import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  isValidMyNumber,
  MY_NUMBER_BASES,
  MY_NUMBER_BASIS_LABELS,
  MY_NUMBER_MASK,
  normalizeMyNumber,
} from '../../../server/core/my-number';
import type { MyNumberStatus } from '../../../server/modules/my-number/schema';
import { request } from '../../api';
import { DateText } from '../../components/DateText';
import { DateTimeText } from '../../components/DateTimeText';
import { FieldSet } from '../../components/FieldSet';
import { DateInput, TextAreaInput, TextInput } from '../../components/Inputs';
import { KitForm } from '../../components/KitForm';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { SecretText } from '../../components/SecretText';
import { SubmitRow } from '../../components/SubmitRow';
import { useApiGet } from '../../components/useApiGet';
import { useFormKit, type FormKit } from '../../components/useFormKit';
import { CodeField } from '../auth/CodeField';
import { codeProblem, normalizeCode } from '../auth/codeInput';
import { useSignedIn } from '../auth/useSession';
import type { ConsulteeTabProps } from './ConsulteePage';

/** How long a revealed number stays on the screen. */
export const REVEAL_SECONDS = 30;

const BASIS_CHOICES = MY_NUMBER_BASES.map((code) => ({ code, label: MY_NUMBER_BASIS_LABELS[code] }));

type Mode = 'none' | 'reveal' | 'store' | 'erase';

/**
 * 個人番号: sealed on the server and masked here. A designated handler stores or
 * replaces it, shows it for a short while, or erases it, each time entering the
 * code of their authenticator again; every one of these is recorded. Nothing of
 * it is kept as a draft, and a shown number is masked again after
 * REVEAL_SECONDS, or at once when the page is hidden.
 */
export function MyNumberTab({ consulteeId, today, onSaved }: ConsulteeTabProps) {
  const { can } = useSignedIn();
  if (!can('my_number.handle')) {
    return (
      <>
        <Intro />
        <Notice kind="info">
          あなたの役割では個人番号を扱えません。個人番号は、個人番号事務取扱担当者に指定された職員だけが記録・表示・削除できます。
        </Notice>
      </>
    );
  }
  return <MyNumberPanel consulteeId={consulteeId} today={today} onSaved={onSaved} />;
}

function Intro() {
  return (
    <p className="muted small">
      個人番号（マイナンバー）は、番号法で認められた場合に限り取得・保管できます。暗号化して保管し、画面では伏せ字で表示します。表示・記録・削除には、個人番号事務取扱担当者が認証アプリの確認コードをその都度入力する必要があり、操作はすべて記録されます。提供や印刷・持出しはできません。
    </p>
  );
}

function MyNumberPanel({ consulteeId, today, onSaved }: Omit<ConsulteeTabProps, 'detail'>) {
  const path = `/api/consultees/${encodeURIComponent(consulteeId)}/my-number`;
  const { data, problem, loading, reload } = useApiGet<MyNumberStatus>(path, undefined, { keepWhileReloading: true });
  const [mode, setMode] = useState<Mode>('none');
  const revealButton = useRef<HTMLButtonElement>(null);
  const focusRevealButton = useCallback(() => revealButton.current?.focus(), []);
  const { revealed, show, hide } = useRevealed(focusRevealButton);

  const done = (message: string) => {
    setMode('none');
    hide(false);
    reload();
    onSaved(message);
  };

  return (
    <>
      <Intro />
      {loading && !data ? <Loading /> : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {data ? (
        <>
          <section className="subcard" aria-labelledby="my-number-title">
            <h3 id="my-number-title">記録の状況</h3>
            {data.held ? (
              <dl className="summary-list">
                <div>
                  <dt>個人番号</dt>
                  <dd>{revealed ? <Revealed digits={revealed.digits} seconds={revealed.seconds} /> : <Masked />}</dd>
                </div>
                {data.basisLabel ? (
                  <div>
                    <dt>取得の根拠</dt>
                    <dd>{data.basisLabel}</dd>
                  </div>
                ) : null}
                {data.basisNote ? (
                  <div>
                    <dt>根拠の補足</dt>
                    <dd className="pre-line">{data.basisNote}</dd>
                  </div>
                ) : null}
                {data.acquiredOn ? (
                  <div>
                    <dt>取得日</dt>
                    <dd>
                      <DateText value={data.acquiredOn} variant="full" />
                    </dd>
                  </div>
                ) : null}
                {data.recordedAt ? (
                  <div>
                    <dt>記録</dt>
                    <dd>
                      <DateTimeText value={data.recordedAt} />
                      {data.recordedByName ? `（${data.recordedByName}）` : ''}
                    </dd>
                  </div>
                ) : null}
              </dl>
            ) : (
              <p>この相談者の個人番号は記録されていません。</p>
            )}
            {data.held && data.supportEnded ? (
              <Notice kind="warning" title="削除を検討してください">
                <p>
                  この相談者の支援はすべて終結しています。個人番号を利用する事務が終わり、法令で定められた保存期間も過ぎた場合は、速やかに削除してください。
                </p>
              </Notice>
            ) : null}
            {!data.mayHandle ? (
              <Notice kind="info">
                <p>{data.cannotHandleMessage}</p>
                {data.cannotHandle === 'no_totp' ? (
                  <p>
                    <Link to="/mfa-setup">二段階認証を設定する</Link>
                  </p>
                ) : null}
              </Notice>
            ) : mode === 'none' ? (
              <div className="button-row">
                {data.held ? (
                  <>
                    {revealed ? (
                      <button type="button" className="button" onClick={() => hide(true)}>
                        伏せ字に戻す
                      </button>
                    ) : (
                      <button ref={revealButton} type="button" className="button" onClick={() => setMode('reveal')}>
                        表示する
                      </button>
                    )}
                    <button type="button" className="button button--secondary" onClick={() => setMode('store')}>
                      新しい番号に置き換える
                    </button>
                    <button type="button" className="button button--danger-outline" onClick={() => setMode('erase')}>
                      削除する
                    </button>
                  </>
                ) : (
                  <button type="button" className="button" onClick={() => setMode('store')}>
                    個人番号を記録する
                  </button>
                )}
              </div>
            ) : null}
            {mode === 'reveal' ? (
              <RevealForm
                path={path}
                onShown={(digits) => {
                  setMode('none');
                  show(digits);
                }}
                onCancel={() => setMode('none')}
              />
            ) : null}
          </section>
          {mode === 'store' ? (
            <StoreForm
              path={path}
              today={today}
              replacing={data.held}
              onSaved={(replaced) => done(replaced ? '個人番号を置き換えました。' : '個人番号を記録しました。')}
              onCancel={() => setMode('none')}
            />
          ) : null}
          {mode === 'erase' ? (
            <EraseForm path={path} onErased={() => done('個人番号を削除しました。')} onCancel={() => setMode('none')} />
          ) : null}
          {data.erasures.length > 0 ? (
            <section className="subcard" aria-labelledby="my-number-erasures-title">
              <h3 id="my-number-erasures-title">削除の記録</h3>
              <ul className="record-list">
                {data.erasures.map((e) => (
                  <li key={e.erasureId} className="record">
                    <dl className="summary-list">
                      <div>
                        <dt>削除した日時</dt>
                        <dd>
                          <DateTimeText value={e.erasedAt} />
                          {e.erasedByName ? `（${e.erasedByName}）` : ''}
                        </dd>
                      </div>
                      <div>
                        <dt>削除の理由</dt>
                        <dd className="pre-line">{e.reason}</dd>
                      </div>
                    </dl>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function Masked() {
  return (
    <span className="mono">
      <span aria-hidden="true">{MY_NUMBER_MASK}</span>
      <span className="visually-hidden">伏せ字（表示していません）</span>
    </span>
  );
}

function Revealed({ digits, seconds }: { digits: string; seconds: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1} aria-labelledby="my-number-shown-note">
      <SecretText value={digits} />
      <p id="my-number-shown-note" className="muted small">
        表示中の個人番号です。{REVEAL_SECONDS}秒後に伏せ字に戻ります
        <span aria-hidden="true">（あと{seconds}秒）</span>。
      </p>
    </div>
  );
}

/**
 * The shown number and the seconds left. It is masked again when the time is up,
 * when the page is hidden (another tab, a locked screen), or on request; then
 * `onHidden` may take focus back to the button that shows it.
 */
function useRevealed(onHidden: () => void) {
  const [shown, setShown] = useState<{ digits: string; until: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const refocus = useRef(false);

  const hide = useCallback((focus: boolean) => {
    refocus.current = focus;
    setShown(null);
  }, []);

  useEffect(() => {
    if (!shown) return;
    const tick = window.setInterval(() => {
      const at = Date.now();
      if (at >= shown.until) hide(true);
      else setNow(at);
    }, 1000);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hide(false);
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(tick);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [shown, hide]);

  useEffect(() => {
    if (!shown && refocus.current) {
      refocus.current = false;
      // Only focus that was lost with the shown number is brought back; focus elsewhere stays.
      if (!document.activeElement || document.activeElement === document.body) onHidden();
    }
  }, [shown, onHidden]);

  const show = (digits: string) => {
    const at = Date.now();
    setNow(at);
    setShown({ digits, until: at + REVEAL_SECONDS * 1000 });
  };
  const revealed = shown ? { digits: shown.digits, seconds: Math.max(1, Math.ceil((shown.until - now) / 1000)) } : null;
  return { revealed, show, hide };
}

/** The code field of a form kit, emptied after a refused code (a code is used once). */
function KitCodeField<S extends { totpCode: string }>({ kit }: { kit: FormKit<S> }) {
  return (
    <CodeField
      id={kit.id('totpCode')}
      value={kit.values.totpCode}
      onChange={(v) => kit.set('totpCode', v as S['totpCode'])}
      error={kit.error('totpCode')}
    />
  );
}

/** Sends, and on a refusal empties the code so that the next one is typed fresh. */
function sending<S extends { totpCode: string }>(kit: FormKit<S>, send: () => Promise<unknown>) {
  return async () => {
    try {
      return await send();
    } catch (error) {
      kit.set('totpCode', '' as S['totpCode']);
      throw error;
    }
  };
}

function RevealForm({
  path,
  onShown,
  onCancel,
}: {
  path: string;
  onShown: (digits: string) => void;
  onCancel: () => void;
}) {
  const kit = useFormKit('my-number-reveal', { totpCode: '' }, null);
  return (
    <div className="subcard" role="group" aria-labelledby="my-number-reveal-title">
      <h4 id="my-number-reveal-title">個人番号を表示する</h4>
      <p className="muted small">
        認証アプリの確認コードを入力してください。表示したことは記録されます。表示は{REVEAL_SECONDS}
        秒で伏せ字に戻ります。
      </p>
      <KitForm
        kit={kit}
        className="form"
        labelledBy="my-number-reveal-title"
        onSubmit={kit.submit(
          sending(kit, () =>
            request<{ myNumber: string }>('POST', `${path}/reveal`, { totpCode: normalizeCode(kit.values.totpCode) }),
          ),
          {
            check: (): Record<string, string> => {
              const wrong = codeProblem(kit.values.totpCode);
              return wrong ? { totpCode: wrong } : {};
            },
            after: (result) => onShown((result as { myNumber: string }).myNumber),
          },
        )}
      >
        <KitCodeField kit={kit} />
        <SubmitRow busy={kit.busy} label="表示する" busyLabel="確認しています…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </div>
  );
}

interface StoreState {
  myNumber: string;
  basis: string;
  basisNote: string;
  acquiredOn: string | null;
  totpCode: string;
}

function storeProblems(v: StoreState): Record<string, string> {
  const out: Record<string, string> = {};
  const digits = normalizeMyNumber(v.myNumber.normalize('NFKC'));
  if (digits === '') out.myNumber = '「個人番号」を入力してください';
  else if (!/^[0-9]{12}$/.test(digits)) out.myNumber = '「個人番号」は12桁の数字で入力してください';
  else if (!isValidMyNumber(digits)) {
    out.myNumber = '「個人番号」の12桁目（検査用数字）が合いません。番号カード等で番号を確かめてから入力してください';
  }
  if (!v.basis) out.basis = '「取得の根拠」を選んでください';
  else if (v.basis === 'other_law' && !v.basisNote.trim()) {
    out.basisNote =
      '「取得の根拠」が「その他法令に基づく場合」のときは、「根拠の補足」に法令の名称と条項を入力してください';
  }
  if (!v.acquiredOn) out.acquiredOn = '「取得日」を入力してください';
  const wrong = codeProblem(v.totpCode);
  if (wrong) out.totpCode = wrong;
  return out;
}

/** The bases of the My Number Act, one per line: each is a sentence to be read, not a word to be scanned. */
function BasisField({ kit }: { kit: FormKit<StoreState> }) {
  const id = kit.id('basis');
  return (
    <FieldSet
      id={id}
      legend="取得の根拠"
      hint="番号法第19条で認められる場合に限り、取得・保管できます。"
      error={kit.error('basis')}
      required
    >
      {BASIS_CHOICES.map((c) => (
        <div className="checkbox" key={c.code}>
          <input
            id={`${id}-${c.code}`}
            type="radio"
            name={id}
            value={c.code}
            checked={kit.values.basis === c.code}
            onChange={() => kit.set('basis', c.code)}
          />
          <label htmlFor={`${id}-${c.code}`}>{c.label}</label>
        </div>
      ))}
    </FieldSet>
  );
}

function StoreForm({
  path,
  today,
  replacing,
  onSaved,
  onCancel,
}: {
  path: string;
  today: string;
  replacing: boolean;
  onSaved: (replaced: boolean) => void;
  onCancel: () => void;
}) {
  // No draft: the number must never be saved anywhere but in its sealed record.
  const kit = useFormKit<StoreState>(
    'my-number-store',
    { myNumber: '', basis: '', basisNote: '', acquiredOn: today, totpCode: '' },
    null,
  );
  const v = kit.values;
  const title = replacing ? '新しい個人番号に置き換える' : '個人番号を記録する';
  return (
    <section className="subcard" aria-labelledby="my-number-store-title">
      <h3 id="my-number-store-title">{title}</h3>
      {replacing ? (
        <p className="muted small">記録されている番号は、新しい番号に置き換わり、元には戻せません。</p>
      ) : null}
      <KitForm
        kit={kit}
        className="form"
        labelledBy="my-number-store-title"
        onSubmit={kit.submit(
          sending(kit, () =>
            request<{ replaced: boolean }>('PUT', path, {
              myNumber: normalizeMyNumber(v.myNumber.normalize('NFKC')),
              basis: v.basis,
              basisNote: v.basisNote.trim() || null,
              acquiredOn: v.acquiredOn,
              totpCode: normalizeCode(v.totpCode),
            }),
          ),
          {
            check: () => storeProblems(v),
            after: (result) => onSaved((result as { replaced: boolean }).replaced),
          },
        )}
      >
        <TextInput
          kit={kit}
          name="myNumber"
          label="個人番号"
          hint="12桁の数字です。スペースやハイフンは入れても構いません。"
          className="input input--medium"
          inputMode="numeric"
          required
        />
        <BasisField kit={kit} />
        <TextAreaInput
          kit={kit}
          name="basisNote"
          label="根拠の補足"
          hint="「その他法令に基づく場合」は、法令の名称と条項を必ず入力してください。個人番号はここに書かないでください。"
          rows={2}
        />
        <DateInput kit={kit} name="acquiredOn" label="取得日" required />
        <KitCodeField kit={kit} />
        <SubmitRow busy={kit.busy} label={replacing ? '置き換える' : '記録する'} busyLabel="記録しています…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </section>
  );
}

interface EraseState {
  reason: string;
  totpCode: string;
}

function EraseForm({ path, onErased, onCancel }: { path: string; onErased: () => void; onCancel: () => void }) {
  const kit = useFormKit<EraseState>('my-number-erase', { reason: '', totpCode: '' }, null);
  const v = kit.values;
  return (
    <section className="subcard" aria-labelledby="my-number-erase-title">
      <h3 id="my-number-erase-title">個人番号を削除する</h3>
      <p className="muted small">
        削除した番号は元に戻せません。削除した日時・理由・削除した職員が記録されます（番号そのものは残りません）。
      </p>
      <KitForm
        kit={kit}
        className="form"
        labelledBy="my-number-erase-title"
        onSubmit={kit.submit(
          sending(kit, () => request('DELETE', path, { reason: v.reason.trim(), totpCode: normalizeCode(v.totpCode) })),
          {
            check: (): Record<string, string> => {
              const out: Record<string, string> = {};
              if (!v.reason.trim()) out.reason = '「削除の理由」を入力してください';
              const wrong = codeProblem(v.totpCode);
              if (wrong) out.totpCode = wrong;
              return out;
            },
            after: onErased,
          },
        )}
      >
        <TextAreaInput
          kit={kit}
          name="reason"
          label="削除の理由"
          hint="例: 支援が終結し、個人番号を利用する事務が終わったため"
          rows={2}
          required
        />
        <KitCodeField kit={kit} />
        <SubmitRow busy={kit.busy} label="削除する" busyLabel="削除しています…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </section>
  );
}
