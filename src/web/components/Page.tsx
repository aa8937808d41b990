import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

export const APP_NAME = '自立相談支援 ケース管理システム';

interface PageProps {
  title: string;
  /**
   * The browser tab's title, when it must differ from the heading: a consultee's
   * name is kept out of it, as titles end up in the browser history of shared PCs.
   */
  documentTitle?: string;
  /** Shown under the heading: what the page is for. */
  lead?: ReactNode;
  children?: ReactNode;
}

/**
 * A screen's heading and title. Arriving at a new address moves focus to the h1,
 * so that screen-reader and keyboard users start at the top of the new content
 * instead of somewhere in the old page's navigation.
 */
export function Page({ title, documentTitle, lead, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();

  const tabTitle = documentTitle ?? title;
  useEffect(() => {
    document.title = `${tabTitle} | ${APP_NAME}`;
  }, [tabTitle]);

  useEffect(() => {
    heading.current?.focus();
  }, [pathname]);

  return (
    <>
      <h1 ref={heading} tabIndex={-1} className="page-title">
        {title}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </>
  );
}
