import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_MIN_LENGTH_WITH_MFA } from './passwordRules';

export function PasswordRules({ id }: { id: string }) {
  return (
    <div id={id} className="rules">
      <p className="rules-title">パスワードの決まり</p>
      <ul>
        <li>
          {PASSWORD_MIN_LENGTH}文字以上にしてください（二段階認証を設定している場合は{PASSWORD_MIN_LENGTH_WITH_MFA}
          文字以上）。上限は{PASSWORD_MAX_LENGTH}文字です。
        </li>
        <li>ひらがな・漢字・記号・空白など、どの文字でも使えます。大文字や記号を混ぜるといった決まりはありません。</li>
        <li>
          覚えやすく長い文をおすすめします（例:
          「朝の散歩で見つけた青い自転車」のような、自分だけが思いつく言葉の組み合わせ）。
        </li>
        <li>よく使われるパスワード、推測されやすいもの、ログインIDや氏名を含むものは使えません。</li>
      </ul>
    </div>
  );
}
