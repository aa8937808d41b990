interface PrintLinkProps {
  href: string;
  label: string;
}

/** A form printed by the server as a PDF, opened in a new tab. */
export function PrintLink({ href, label }: PrintLinkProps) {
  return (
    <a className="button button--secondary button--small" href={href} target="_blank" rel="noopener noreferrer">
      {label}
      <span className="visually-hidden">（PDF、新しいタブで開きます）</span>
    </a>
  );
}
