import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api';
import { DraftForm } from './DraftForm';
import { useAutosave, AUTOSAVE_DELAY_MS } from './drafts';
import { TextInput } from './Inputs';

interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** A fake server for the drafts routes: remembers one draft per key. */
function fakeServer(stored: Record<string, unknown> = {}) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
    calls.push({ method, url, body });
    const key = decodeURIComponent(url.replace('/api/drafts/', ''));
    const json = (value: unknown) =>
      new Response(JSON.stringify(value), { status: 200, headers: { 'Content-Type': 'application/json' } });
    if (method === 'GET') {
      return json({ draft: key in stored ? { payload: stored[key], updatedAt: '2026-04-01T01:02:03.000Z' } : null });
    }
    if (method === 'PUT') {
      stored[key] = (body as { payload: unknown }).payload;
      return json({ updatedAt: '2026-04-01T01:05:00.000Z' });
    }
    if (method === 'DELETE') {
      delete stored[key];
      return json({ ok: true });
    }
    return json({ ok: true });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, stored, puts: () => calls.filter((c) => c.method === 'PUT') };
}

function Typing({ value, recordId }: { value: string; recordId?: string }) {
  const { state } = useAutosave(
    { key: 'case:11111111-1111-1111-1111-111111111111:note', recordId },
    { content: value },
  );
  return <p>{state.kind}</p>;
}

describe('useAutosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setCsrfToken('token');
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('saves nothing while the values are those the form started from', async () => {
    const server = fakeServer();
    render(<Typing value="" />);
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3));
    expect(server.puts()).toHaveLength(0);
  });

  it('saves once, a few seconds after typing stops, with the last values and the record', async () => {
    const server = fakeServer();
    const { rerender } = render(<Typing value="" recordId="r1" />);
    for (const text of ['電', '電話', '電話で調整']) {
      rerender(<Typing value={text} recordId="r1" />);
      await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS / 2));
    }
    expect(server.puts()).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    expect(server.puts()).toHaveLength(1);
    expect(server.puts()[0]).toMatchObject({
      url: '/api/drafts/case%3A11111111-1111-1111-1111-111111111111%3Anote',
      body: { payload: { values: { content: '電話で調整' }, recordId: 'r1' } },
    });
    expect(screen.getByText('saved')).toBeTruthy();
  });

  it('saves what is pending when the form is closed before the pause', async () => {
    const server = fakeServer();
    const { rerender, unmount } = render(<Typing value="" />);
    rerender(<Typing value="途中まで" />);
    unmount();
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(server.puts()).toHaveLength(1);
    expect(server.puts()[0]?.body).toMatchObject({ payload: { values: { content: '途中まで' } } });
  });
});

interface NoteValues {
  content: string;
}

function NoteForm({ onSend }: { onSend: (v: NoteValues) => Promise<unknown> }) {
  return (
    <DraftForm<NoteValues>
      formId="note"
      draftKey="case:11111111-1111-1111-1111-111111111111:note"
      initial={{ content: '' }}
      submitLabel="経過を記録する"
      send={onSend}
      onSaved={() => undefined}
    >
      {(kit) => <TextInput kit={kit} name="content" label="対応の内容" />}
    </DraftForm>
  );
}

describe('DraftForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('restores a draft into the fields and says so; discarding it starts again from the record', async () => {
    const server = fakeServer({
      'case:11111111-1111-1111-1111-111111111111:note': { values: { content: '下書きの内容' } },
    });
    render(<NoteForm onSend={async () => undefined} />);
    const field = await screen.findByLabelText('対応の内容');
    expect((field as HTMLInputElement).value).toBe('下書きの内容');
    expect(screen.getByText('保存されていない入力を復元しました')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '復元した入力を破棄する' }));
    await vi.waitFor(() => expect((screen.getByLabelText('対応の内容') as HTMLInputElement).value).toBe(''));
    expect(screen.queryByText('保存されていない入力を復元しました')).toBeNull();
    expect(server.calls.some((c) => c.method === 'DELETE')).toBe(true);
    expect(server.stored).toEqual({});
  });

  it('ignores a draft typed for another record', async () => {
    fakeServer({
      'case:11111111-1111-1111-1111-111111111111:note': { values: { content: '別の記録の下書き' }, recordId: 'other' },
    });
    render(
      <DraftForm<NoteValues>
        formId="note"
        draftKey="case:11111111-1111-1111-1111-111111111111:note"
        recordId="this"
        initial={{ content: '保存済みの内容' }}
        submitLabel="保存する"
        send={async () => undefined}
        onSaved={() => undefined}
      >
        {(kit) => <TextInput kit={kit} name="content" label="対応の内容" />}
      </DraftForm>,
    );
    expect(((await screen.findByLabelText('対応の内容')) as HTMLInputElement).value).toBe('保存済みの内容');
    expect(screen.queryByText('保存されていない入力を復元しました')).toBeNull();
  });

  it('deletes the draft once the record is saved', async () => {
    const server = fakeServer({
      'case:11111111-1111-1111-1111-111111111111:note': { values: { content: '送る内容' } },
    });
    const onSend = vi.fn(async () => undefined);
    render(<NoteForm onSend={onSend} />);
    await screen.findByLabelText('対応の内容');
    fireEvent.click(screen.getByRole('button', { name: '経過を記録する' }));
    await vi.waitFor(() => expect(server.stored).toEqual({}));
    expect(onSend).toHaveBeenCalledWith({ content: '送る内容' }, expect.anything());
  });

  it('shows the server’s refusal at the field and in the summary, which takes focus', async () => {
    fakeServer();
    const refuse = async () => {
      const { ApiError } = await import('../api');
      throw new ApiError(400, 'invalid', '「対応の内容」を入力してください', 'content', [
        { field: 'content', label: '対応の内容', message: '「対応の内容」を入力してください' },
      ]);
    };
    render(<NoteForm onSend={refuse} />);
    await screen.findByLabelText('対応の内容');
    fireEvent.click(screen.getByRole('button', { name: '経過を記録する' }));
    const summary = await screen.findByRole('alert');
    expect(document.activeElement).toBe(summary);
    const link = screen.getByRole('link', { name: '「対応の内容」を入力してください' });
    expect(link.getAttribute('href')).toBe('#note-content');
    expect(screen.getByLabelText('対応の内容').getAttribute('aria-invalid')).toBe('true');
  });
});
