import { useCallback, useState, type FormEvent } from 'react';
import type { DateStatus } from './DateField';
import { useAutosave, type Autosave, type DraftHandle } from './drafts';
import { fieldIdOf, localProblem, pathProblemFrom, type FormProblem } from './formProblem';

export interface SubmitOptions {
  /** The form's own checks, by field path, before anything is sent. */
  check?: () => Record<string, string>;
  /** After the record is saved and the draft deleted (reload the screen, say so); given what send returned. */
  after?: (result: unknown) => void | Promise<void>;
  /** The form's field for a path the server names differently (consent.purposes → purposes). */
  mapField?: (path: string) => string;
}

// Members are methods so that a kit of a larger form can be handed to the
// fields of a part of it (FormKit<RegisterState> where FormKit<BasicState> is asked).
export interface FormKit<S> {
  formId: string;
  values: S;
  set<K extends keyof S>(key: K, value: S[K]): void;
  problem: FormProblem | null;
  setProblem(problem: FormProblem | null): void;
  busy: boolean;
  /** The element id of a field (its path: name, or goals.1.goal). */
  id(path: string): string;
  /** The message for a field, from the server or the form's checks. */
  error(path: string): string | undefined;
  /** A date field reports how its text reads; an unreadable date stops the form from being sent. */
  noteDate(path: string, label: string, status: DateStatus): void;
  /** The submit handler: checks, sends, and on success deletes the draft. */
  submit(send: () => Promise<unknown>, options?: SubmitOptions): (event: FormEvent) => void;
  autosave: Autosave;
  draft: DraftHandle | null;
  /** Stops autosaving and throws the restored draft away. */
  discardDraft(): Promise<void>;
}

function mapped(problem: FormProblem | null, mapField?: (path: string) => string): FormProblem | null {
  if (!problem || !mapField) return problem;
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(problem.fields)) {
    const to = mapField(path);
    if (!(to in fields)) fields[to] = message;
  }
  return { ...problem, fields };
}

/**
 * The state of one form: its values, its problem, whether it is being sent, the
 * dates it could not read, and its draft, autosaved while it is typed.
 */
export function useFormKit<S extends object>(formId: string, initial: S, draft: DraftHandle | null): FormKit<S> {
  const [values, setValues] = useState(initial);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [badDates, setBadDates] = useState<Record<string, string>>({});
  const autosave = useAutosave(draft, values);

  const set = useCallback(<K extends keyof S>(key: K, value: S[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
  }, []);

  const noteDate = useCallback((path: string, label: string, status: DateStatus) => {
    setBadDates((bad) => {
      if (status === 'invalid') return { ...bad, [path]: `「${label}」を正しい日付で入力してください` };
      if (!(path in bad)) return bad;
      const { [path]: _gone, ...rest } = bad;
      return rest;
    });
  }, []);

  const submit =
    (send: () => Promise<unknown>, options: SubmitOptions = {}) =>
    (event: FormEvent) => {
      event.preventDefault();
      const local = localProblem({ ...badDates, ...(options.check?.() ?? {}) });
      if (local) {
        setProblem(local);
        return;
      }
      setBusy(true);
      setProblem(null);
      void (async () => {
        let result: unknown;
        try {
          result = await send();
        } catch (error) {
          setProblem(mapped(pathProblemFrom(error), options.mapField));
          setBusy(false);
          return;
        }
        await autosave.finish();
        setBusy(false);
        await options.after?.(result);
      })();
    };

  const discardDraft = async () => {
    autosave.stop();
    await draft?.discard();
  };

  return {
    formId,
    values,
    set,
    problem,
    setProblem,
    busy,
    id: (path) => fieldIdOf(formId, path),
    error: (path) => problem?.fields[path],
    noteDate,
    submit,
    autosave,
    draft,
    discardDraft,
  };
}
