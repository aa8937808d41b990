/** A six-digit code as typed: full-width digits (from a Japanese IME) and spaces are accepted. */
export function normalizeCode(text: string): string {
  return text.normalize('NFKC').replace(/\s/g, '');
}

export function codeProblem(text: string): string | null {
  const code = normalizeCode(text);
  if (code === '') return '「確認コード」を入力してください';
  if (!/^\d{6}$/.test(code)) return '確認コードは認証アプリに表示されている6桁の数字で入力してください';
  return null;
}
