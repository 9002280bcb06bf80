/**
 * A labelled meter of a value against a platform limit (definition size, operations, schemas per body),
 * with the figures as text beside it; the text gets `overClassName` when the value is over the limit.
 */
export function LimitMeter({
  label,
  value,
  limit,
  text,
  className,
  overClassName,
}: {
  label: string;
  value: number;
  limit: number;
  text: string;
  className: string;
  overClassName: string;
}) {
  return (
    <div className={className}>
      <span>{label}</span>
      <meter
        min={0}
        max={limit}
        low={limit * 0.8}
        high={limit * 0.95}
        optimum={0}
        value={Math.min(value, limit)}
        aria-label={label}
      >
        {text}
      </meter>
      <span className={value > limit ? overClassName : undefined}>{text}</span>
    </div>
  );
}
