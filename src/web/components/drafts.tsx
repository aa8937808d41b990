// Drafts: what a worker has typed and not yet saved is kept on the server under a
// key naming the form (case:<id>:plan, consultee:<id>:basic, new:register…), a
// few seconds after typing stops, and offered back when the form is opened again.
// A draft is its author's alone; the server checks the record like the form itself.

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, messageOf } from '../api';
import { formatDateTime } from '../../shared/wareki';
import type { DraftAnswer } from '../types';
import { Loading } from './Loading';
import { Notice } from './Notice';

/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 2500;

const FORM_PART = /^[a-z_]{2,30}$/;

/** The key of a case form's draft, of one record when recordId is given. */
export function caseDraftKey(caseId: string, form: string, recordId?: string | null): string {
  if (!FORM_PART.test(form)) throw new Error(`draft form name ${form}`);
  return recordId ? `case:${caseId}:${form}:${recordId}` : `case:${caseId}:${form}`;
}

/** The key of a consultee form's draft. Such keys cannot name a record: see DraftPayload.recordId. */
export function consulteeDraftKey(consulteeId: string, form: string): string {
  if (!FORM_PART.test(form)) throw new Error(`draft form name ${form}`);
  return `consultee:${consulteeId}:${form}`;
}

const draftPath = (key: string) => `/api/drafts/${encodeURIComponent(key)}`;

/** What is stored: the form's values, and which record they were typed for. */
export interface DraftPayload<S> {
  values: S;
  recordId?: string;
}

export interface DraftHandle {
  key: string;
  /** The record the form edits, when the key itself cannot say (consultee forms). */
  recordId?: string;
  /** When the restored draft was saved, or null when the form starts from the record. */
  restoredAt: string | null;
  /** Throws the restored draft away and starts again from the record. */
  discard: () => Promise<void>;
}

/** Only the fields the form knows, each from the draft when it has one. */
function merge<S extends object>(fallback: S, values: unknown): S {
  if (typeof values !== 'object' || values === null) return fallback;
  const from = values as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fallback)) out[k] = k in from && from[k] !== undefined ? from[k] : v;
  return out as S;
}

interface DraftLoaderProps<S extends object> {
  draftKey: string;
  /** The form's values from the saved record, or a new form's defaults. Read once: key the loader by the record. */
  fallback: S;
  recordId?: string;
  children: (initial: S, draft: DraftHandle) => ReactNode;
}

interface Loaded<S> {
  initial: S;
  restoredAt: string | null;
  generation: number;
}

/** Reads the form's draft before the form is shown, so that every field starts from it. */
export function DraftLoader<S extends object>({ draftKey, fallback, recordId, children }: DraftLoaderProps<S>) {
  const [start] = useState(fallback);
  const [loaded, setLoaded] = useState<Loaded<S> | null>(null);

  useEffect(() => {
    let live = true;
    api.get<DraftAnswer>(draftPath(draftKey)).then(
      ({ draft }) => {
        if (!live) return;
        const payload = draft?.payload as DraftPayload<S> | undefined;
        const usable = payload && (recordId === undefined || payload.recordId === recordId);
        setLoaded({
          initial: usable ? merge(start, payload.values) : start,
          restoredAt: usable && draft ? draft.updatedAt : null,
          generation: 0,
        });
      },
      // A draft that cannot be read must not keep the form from being used.
      () => {
        if (live) setLoaded({ initial: start, restoredAt: null, generation: 0 });
      },
    );
    return () => {
      live = false;
    };
  }, [draftKey, recordId, start]);

  const discard = useCallback(async () => {
    try {
      await api.delete(draftPath(draftKey));
    } finally {
      setLoaded((l) => ({ initial: start, restoredAt: null, generation: (l?.generation ?? 0) + 1 }));
    }
  }, [draftKey, start]);

  if (!loaded) return <Loading label="入力欄を準備しています…" />;
  return (
    <div key={loaded.generation}>
      {children(loaded.initial, { key: draftKey, recordId, restoredAt: loaded.restoredAt, discard })}
    </div>
  );
}

export type AutosaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

export interface Autosave {
  state: AutosaveState;
  /** After the form was saved: no more autosaving, and the draft is deleted. */
  finish: () => Promise<void>;
  /** No more autosaving (the draft is about to be thrown away). */
  stop: () => void;
}

/**
 * Saves the values as the draft once typing has paused, and once more when the
 * form is closed with changes not yet saved. Values equal to those the form
 * started from are not saved.
 */
export function useAutosave(
  draft: Pick<DraftHandle, 'key' | 'recordId'> | null,
  values: unknown,
  delayMs = AUTOSAVE_DELAY_MS,
): Autosave {
  const json = JSON.stringify(values);
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
  const saved = useRef(json);
  const latest = useRef(json);
  const stopped = useRef(false);
  const key = draft?.key ?? null;
  const recordId = draft?.recordId;

  useEffect(() => {
    latest.current = json;
  }, [json]);

  const save = useCallback(
    async (text: string) => {
      if (!key || stopped.current) return;
      const payload: DraftPayload<unknown> = { values: JSON.parse(text) as unknown, recordId };
      setState({ kind: 'saving' });
      try {
        const { updatedAt } = await api.put<{ updatedAt: string }>(draftPath(key), { payload });
        saved.current = text;
        if (!stopped.current) setState({ kind: 'saved', at: updatedAt });
      } catch (error) {
        if (!stopped.current) setState({ kind: 'failed', message: messageOf(error) });
      }
    },
    [key, recordId],
  );

  useEffect(() => {
    if (!key || stopped.current || json === saved.current) return;
    const timer = setTimeout(() => void save(json), delayMs);
    return () => clearTimeout(timer);
  }, [json, key, delayMs, save]);

  // Leaving the form (another tab of the case, another page) keeps what was typed.
  useEffect(
    () => () => {
      if (!stopped.current && latest.current !== saved.current) void save(latest.current);
    },
    [save],
  );

  const finish = useCallback(async () => {
    stopped.current = true;
    if (!key) return;
    try {
      await api.delete(draftPath(key));
    } catch {
      // The draft expires on its own; the record itself is saved.
    }
  }, [key]);

  const stop = useCallback(() => {
    stopped.current = true;
  }, []);

  return { state, finish, stop };
}

/** A restored draft: says so, and offers to throw it away. */
export function DraftRestored({ draft, onDiscard }: { draft: DraftHandle; onDiscard: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  if (!draft.restoredAt) return null;
  return (
    <Notice kind="info" title="保存されていない入力を復元しました">
      <p>
        {formatDateTime(draft.restoredAt)}{' '}
        に自動保存された入力です。内容を確かめてから保存してください。不要なら破棄できます。
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onDiscard();
        }}
      >
        復元した入力を破棄する
      </button>
    </Notice>
  );
}

/** A quiet line saying where the draft stands. */
export function DraftStatus({ state }: { state: AutosaveState }) {
  const text =
    state.kind === 'saving'
      ? '下書きを保存しています…'
      : state.kind === 'saved'
        ? `下書きを自動保存しました（${formatDateTime(state.at).split(' ')[1] ?? ''}）`
        : state.kind === 'failed'
          ? `下書きを保存できませんでした: ${state.message}`
          : '入力は数秒ごとに下書きとして自動保存されます。';
  return (
    <p className={state.kind === 'failed' ? 'draft-status draft-status--failed' : 'draft-status'} role="status">
      {text}
    </p>
  );
}
