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
export interface ApiGetOptions {
  /**
   * Keep showing the last answer for the same address while it is read again
   * (reload): a screen with forms stays in place instead of flashing to 読み込み中.
   */
  keepWhileReloading?: boolean;
}

export function useApiGet<T>(path: string | null, query?: Query, options: ApiGetOptions = {}): ApiGet<T> {
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
  const sameAddress = loaded.key.slice(0, loaded.key.lastIndexOf('#')) === key.slice(0, key.lastIndexOf('#'));
  const kept = !current && Boolean(options.keepWhileReloading) && sameAddress && loaded.data !== null;
  return {
    data: current || kept ? loaded.data : null,
    problem: current ? loaded.problem : null,
    loading: path !== null && !current && !kept,
    reload,
    replace,
  };
}
