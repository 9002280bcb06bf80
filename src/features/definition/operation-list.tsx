import { memo, useEffect, useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { OperationSummary } from "../../model/operations/operations";

const ROW_HEIGHT = 44;

interface OperationListProps {
  label: "Actions" | "Triggers";
  rows: readonly OperationSummary[];
  selectedKey: string | null;
  problems: ReadonlyMap<string, number>;
  onSelect(row: OperationSummary): void;
  /** Keys of the rows ticked for a bulk action (Delete selected). */
  checked: ReadonlySet<string>;
  onCheck(row: OperationSummary, on: boolean): void;
}

/**
 * A virtualised list of operations (only the visible rows are in the DOM, so 250+ operations stay
 * smooth). Each row is a button; the selected one carries `aria-current`.
 */
export function OperationList({
  label,
  rows,
  selectedKey,
  problems,
  onSelect,
  checked,
  onCheck,
}: OperationListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  // A row selected elsewhere (the Swagger editor's cursor, Go to) may be outside the rendered window.
  const selectedIndex = selectedKey === null ? -1 : rows.findIndex((row) => row.key === selectedKey);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);
  if (rows.length === 0) {
    return (
      <div role="list" aria-label={label} className="cs-def-list cs-def-list--empty">
        <div role="listitem" className="cs-muted">
          No {label.toLowerCase()}.
        </div>
      </div>
    );
  }
  return (
    <div
      ref={scrollRef}
      className="cs-def-list"
      style={{ maxHeight: Math.min(rows.length, 8) * ROW_HEIGHT + 4 }}
    >
      <div
        role="list"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize(), position: "relative" }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as OperationSummary;
          return (
            <div
              key={row.key}
              role="listitem"
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              className="cs-def-list__item"
              style={{
                position: "absolute",
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${item.start}px)`,
              }}
            >
              <OperationRow
                row={row}
                selected={row.key === selectedKey}
                problems={problems.get(row.pointer) ?? 0}
                onSelect={onSelect}
                checked={checked.has(row.key)}
                onCheck={onCheck}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

const OperationRow = memo(function OperationRow({
  row,
  selected,
  problems,
  onSelect,
  checked,
  onCheck,
}: {
  row: OperationSummary;
  selected: boolean;
  problems: number;
  onSelect(row: OperationSummary): void;
  checked: boolean;
  onCheck(row: OperationSummary, on: boolean): void;
}) {
  const title = row.summary || row.operationId || row.key;
  return (
    <>
      <input
        type="checkbox"
        className="cs-def-list__check"
        aria-label={`Select ${title}`}
        checked={checked}
        onChange={(e) => onCheck(row, e.currentTarget.checked)}
      />
      <OperationButton row={row} title={title} selected={selected} problems={problems} onSelect={onSelect} />
    </>
  );
});

function OperationButton({
  row,
  title,
  selected,
  problems,
  onSelect,
}: {
  row: OperationSummary;
  title: string;
  selected: boolean;
  problems: number;
  onSelect(row: OperationSummary): void;
}) {
  return (
    <button
      type="button"
      className="cs-def-list__button"
      aria-current={selected ? "true" : undefined}
      onClick={() => onSelect(row)}
      title={`${row.key}${row.operationId ? ` (${row.operationId})` : ""}`}
    >
      <span className={`cs-def-verb cs-def-verb--${row.method}`}>{row.method.toUpperCase()}</span>
      <span className="cs-def-list__title">
        {title}
        {row.deprecated ? " (deprecated)" : ""}
      </span>
      {problems > 0 ? (
        <span className="cs-def-badge" aria-label={`${problems} ${problems === 1 ? "problem" : "problems"}`}>
          {problems}
        </span>
      ) : null}
    </button>
  );
}
