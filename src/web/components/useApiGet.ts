import { useCallback, useEffect, useState } from 'react';
import { api, type Query } from '../api';
import { problemFrom, type FormProblem } from './formProblem';

interface Loaded<T> {
  key: string;
  data: T | null;
  problem: FormProblem | null;
}

export interface ApiGet<T> {
  data: T | null;
  problem: FormProblem | null;
  loading: boolean;
  reload: () => void;
  /** Replaces the data after a change the screen made itself (saves a round trip). */
  replace: (data: T) => void;
}

/**
 * Reads from the API for a screen. The answer is kept with the request it
 * answers, so a slow answer to an earlier request never overwrites a later one.
 */
export function useApiGet<T>(path: string | null, query?: Query): ApiGet<T> {
  const [version, setVersion] = useState(0);
  const queryKey = query ? JSON.stringify(query) : '';
  const key = path === null ? '' : `${path}?${queryKey}#${version}`;
  const [loaded, setLoaded] = useState<Loaded<T>>({ key: '', data: null, problem: null });

  useEffect(() => {
    if (path === null) return;
    let live = true;
    const params = queryKey ? (JSON.parse(queryKey) as Query) : undefined;
    api.get<T>(path, params).then(
      (data) => {
        if (live) setLoaded({ key, data, problem: null });
      },
      (error: unknown) => {
        if (live) setLoaded({ key, data: null, problem: problemFrom(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, path, queryKey]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const replace = useCallback((data: T) => setLoaded({ key, data, problem: null }), [key]);
  const current = loaded.key === key;
  return {
    data: current ? loaded.data : null,
    problem: current ? loaded.problem : null,
    loading: path !== null && !current,
    reload,
    replace,
  };
}
