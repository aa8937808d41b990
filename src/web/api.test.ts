import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, fieldErrorsOf, setAuthHandlers, setCsrfToken } from './api';

function respond(status: number, body: unknown) {
  return vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

describe('api client', () => {
  const signedOut = vi.fn();
  const stage = vi.fn();

  beforeEach(() => {
    setAuthHandlers({ signedOut, stage });
    setCsrfToken(null);
  });

  afterEach(() => {
    setAuthHandlers(null);
    vi.unstubAllGlobals();
    vi.clearAllMocks();
  });

  it('sends the CSRF token and a JSON body with every change', async () => {
    const fetchMock = respond(200, { ok: true });
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('token-1');
    await api.post('/api/admin/staff/x/unlock', {});
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/admin/staff/x/unlock');
    expect(init.credentials).toBe('same-origin');
    const headers = init.headers as Record<string, string>;
    expect(headers['X-CSRF-Token']).toBe('token-1');
    expect(headers['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{}');
  });

  it('turns an error answer into an ApiError with its field problems', async () => {
    vi.stubGlobal(
      'fetch',
      respond(400, {
        code: 'invalid',
        message: '「ログインID」は3文字以上で入力してください',
        field: 'login',
        errors: [{ field: 'login', label: 'ログインID', message: '「ログインID」は3文字以上で入力してください' }],
      }),
    );
    const error = await api.post('/api/admin/staff', { login: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('invalid');
    expect(apiError.field).toBe('login');
    expect(fieldErrorsOf(apiError)).toEqual({ login: '「ログインID」は3文字以上で入力してください' });
    expect(signedOut).not.toHaveBeenCalled();
  });

  it('reports an idle timeout as signed out, with the server message', async () => {
    const message = '一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください';
    vi.stubGlobal('fetch', respond(401, { code: 'idle_timeout', message }));
    const error = (await api.get('/api/consultees').catch((e: unknown) => e)) as ApiError;
    expect(error.handled).toBe(true);
    expect(signedOut).toHaveBeenCalledWith('idle_timeout', message);
  });

  it('leaves a refused sign-in to the sign-in form', async () => {
    vi.stubGlobal('fetch', respond(401, { code: 'sign_in_failed', message: 'ログインIDまたはパスワードが違います' }));
    const error = (await api.post('/api/auth/login', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.handled).toBe(false);
    expect(error.message).toBe('ログインIDまたはパスワードが違います');
    expect(signedOut).not.toHaveBeenCalled();
  });

  it('sends an unfinished sign-in to its step', async () => {
    vi.stubGlobal(
      'fetch',
      respond(403, { code: 'stage_password_change', message: '新しいパスワードを設定してください' }),
    );
    const error = (await api.get('/api/session/x').catch((e: unknown) => e)) as ApiError;
    expect(error.handled).toBe(true);
    expect(stage).toHaveBeenCalledWith('password_change', '新しいパスワードを設定してください');
  });

  it('explains in Japanese when the server cannot be reached or answers with something else', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const network = (await api.get('/api/session').catch((e: unknown) => e)) as ApiError;
    expect(network.code).toBe('network');
    expect(network.message).toContain('サーバーに接続できません');

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad Gateway</html>', { status: 502 })),
    );
    const odd = (await api.get('/api/session').catch((e: unknown) => e)) as ApiError;
    expect(odd.status).toBe(502);
    expect(odd.message).toContain('予期しない応答');
  });

  it('puts only the filled-in filters into the query string', async () => {
    const fetchMock = respond(200, { items: [], nextCursor: null });
    vi.stubGlobal('fetch', fetchMock);
    await api.get('/api/audit/events', { staffId: '', outcome: 'denied', notAssignedOnly: true, before: undefined });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/audit/events?outcome=denied&notAssignedOnly=true');
  });
});
