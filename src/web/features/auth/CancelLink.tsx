import { Link } from 'react-router';

/** The way out of a step taken by choice, back to the home page. A sign-in step has none. */
export function CancelLink() {
  return (
    <Link to="/" className="button button--secondary">
      やめる
    </Link>
  );
}
