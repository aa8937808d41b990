import { useEffect, useRef, useState } from 'react';
import { SecretText } from '../../components/SecretText';

interface OneTimePasswordPanelProps {
  title: string;
  staffName: string;
  login: string;
  password: string;
}

/**
 * The one-time password, shown once: the server keeps only its hash. Focus moves
 * here so that it is not missed, and the note says how to hand it over.
 */
export function OneTimePasswordPanel({ title, staffName, login, password }: OneTimePasswordPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [password]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <section className="otp-panel" aria-labelledby="otp-title">
      <h2 id="otp-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <dl className="summary-list">
        <div>
          <dt>氏名</dt>
          <dd>{staffName}</dd>
        </div>
        <div>
          <dt>ログインID</dt>
          <dd className="mono">{login}</dd>
        </div>
      </dl>
      <p className="otp-label">仮パスワード（大文字と小文字を区別します）</p>
      <SecretText value={password} />
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          仮パスワードをコピー
        </button>
        <span role="status" className="small">
          {copied === 'yes' ? 'コピーしました' : copied === 'no' ? 'コピーできませんでした。書き写してください' : ''}
        </span>
      </div>
      <div className="otp-warning">
        <p>
          <strong>この仮パスワードは二度と表示されません。</strong>
          この画面を離れる前に、本人へ確実に渡してください。
        </p>
        <ul>
          <li>
            本人に直接手渡すなど、他の人に見られない方法で渡してください。メールやチャットでは送らないでください。
          </li>
          <li>本人は初回ログイン時に、自分で決めた新しいパスワードに変更します。</li>
          <li>書き写したメモは、本人がパスワードを変更した後に確実に破棄してください。</li>
        </ul>
      </div>
    </section>
  );
}
