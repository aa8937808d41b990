// Errors a command may answer with. 4xx carry a Japanese message for the person at
// the screen and, where one field is at fault, its name; 5xx never reveal internals.

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notSignedIn = (code = 'not_signed_in', message = 'ログインしてください'): AppError =>
  new AppError(401, code, message);

/** Outside a user's scope the answer is 404, so that existence is not revealed (ARCHITECTURE rule 2). */
export const notFound = (message = '指定されたデータは見つかりません'): AppError =>
  new AppError(404, 'not_found', message);

export const forbidden = (message = 'この操作を行う権限がありません'): AppError =>
  new AppError(403, 'forbidden', message);

export const invalid = (field: string, message: string): AppError => new AppError(400, 'invalid', message, field);

export const conflict = (message: string, field?: string): AppError => new AppError(409, 'conflict', message, field);

/**
 * A constraint of the database refused the command: the services check inputs
 * first, so this is the last line, but it still answers 4xx, not 500, and the
 * transaction has already rolled back, so nothing was changed.
 */
export function fromDatabaseError(error: unknown): AppError | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  switch (code) {
    case '23505':
      return conflict('同じ記録が既にあります。画面を更新してから、もう一度お試しください');
    case '40001':
    case '40P01':
      return conflict('他の操作と重なりました。もう一度お試しください');
    case '23503':
      return new AppError(
        400,
        'invalid',
        '参照している記録が見つかりません。画面を更新してから、もう一度お試しください',
      );
    case '23502':
    case '23514':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22P02':
      return new AppError(400, 'invalid', '入力された内容が正しくありません。各項目を確認してください');
    default:
      return null;
  }
}
