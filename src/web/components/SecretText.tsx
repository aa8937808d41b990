interface SecretTextProps {
  value: string;
  /** Characters per group. The groups are spaced by CSS, so copying yields the value without spaces. */
  group?: number;
}

/** A one-time password or key, set large and in groups so it can be read out and typed without mistakes. */
export function SecretText({ value, group = 4 }: SecretTextProps) {
  const chunks: string[] = [];
  for (let i = 0; i < value.length; i += group) chunks.push(value.slice(i, i + group));
  return (
    <p className="secret">
      {/* Screen readers get one character at a time; the visual groups would be read as words. */}
      <span className="visually-hidden">{value.split('').join(' ')}</span>
      <span aria-hidden="true">
        {chunks.map((chunk, i) => (
          <span key={i} className="secret-group">
            {chunk}
          </span>
        ))}
      </span>
    </p>
  );
}
