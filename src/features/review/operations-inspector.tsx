import { useEffect, useId, useMemo, useState } from "react";
import type { ConnectorDocument } from "../../model/connector-document";
import { effectiveParameters, resolveRefObject } from "../../model/refs";
import type { Diagnostic } from "../../model/diagnostic";
import { toPointer } from "../../model/json-pointer";
import { isJsonObject, type JsonObject } from "../../model/json-value";
import { listOperations, type OperationRef, type Parameter, type Schema } from "../../model/swagger-types";
import { buildActionCard, type CardInput } from "../../review/action-card";
import { SchemaTree } from "./schema-tree";

interface OperationRow {
  ref: OperationRef;
  pointer: string;
  id: string;
  isTrigger: boolean;
  problems: number;
}

function parametersOf(doc: ConnectorDocument, ref: OperationRef): Parameter[] {
  return effectiveParameters(doc.definition, ref.path, ref.operation);
}

function visibilityOf(value: JsonObject): string {
  return typeof value["x-ms-visibility"] === "string" ? value["x-ms-visibility"] : "none";
}

/** The connector's icon as an image URL for the card header (revoked when the icon changes). */
function useIconUrl(doc: ConnectorDocument): string | null {
  const icon = doc.icon;
  const url = useMemo(
    () => (icon ? URL.createObjectURL(new Blob([icon.bytes as BlobPart], { type: icon.mediaType })) : null),
    [icon],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

/** One input of the card: its label (required marked), the box as the designer draws it, its hint. */
function CardField({ field }: { field: CardInput }) {
  const id = useId();
  const dropdown = field.dropdown;
  // Disabled: a preview, so Tab goes from the operation to its disclosures, not through every box.
  return (
    <li className="cs-review-input cs-action-card__field">
      <label htmlFor={id}>
        {field.label}
        {field.required ? " *" : ""}
      </label>
      {dropdown?.kind === "static" ? (
        <select id={id} disabled defaultValue="">
          <option value="">{field.hint ?? "Select an option"}</option>
          {dropdown.values.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
      ) : dropdown?.kind === "dynamic" ? (
        <>
          <select id={id} disabled defaultValue="">
            <option value="">Values {dropdown.source}</option>
          </select>
          <span className="cs-review-tag">dynamic dropdown</span>
        </>
      ) : (
        <input id={id} disabled placeholder={field.hint ?? field.type} />
      )}
      {dropdown?.kind === "static" ? (
        <span className="cs-muted cs-action-card__source">
          {dropdown.values.map((v) => v.label).join(" · ")}
        </span>
      ) : null}
    </li>
  );
}

/**
 * The maker's-eye preview: the flow designer's action card for the operation (src/review/action-card.ts):
 * brand-coloured header with the icon, inputs with labels, hints, required marks and dropdowns, advanced ones
 * folded, internal ones only counted, bodies loaded at design time named as such.
 */
function ActionPreview({ doc, row }: { doc: ConnectorDocument; row: OperationRow }) {
  const [showAdvanced, setShowAdvanced] = useState(false);
  const card = useMemo(() => buildActionCard(doc, row.ref), [doc, row.ref]);
  const iconUrl = useIconUrl(doc);
  return (
    <div className="cs-review-card cs-action-card" aria-label={`Preview of ${card.title}`} role="group">
      <div
        className="cs-action-card__head"
        style={{ background: card.brandColor, color: card.headerTextColor }}
      >
        {iconUrl ? <img src={iconUrl} alt="" width={24} height={24} /> : null}
        <p className="cs-review-card__title">{card.title}</p>
        {card.kind === "trigger" ? <span className="cs-review-tag">trigger</span> : null}
      </div>
      <div className="cs-action-card__body">
        {card.inputs.length === 0 && card.advanced.length === 0 && card.dynamicSchemas.length === 0 ? (
          <p className="cs-muted">No inputs.</p>
        ) : (
          <ul>
            {card.inputs.map((f) => (
              <CardField key={f.key} field={f} />
            ))}
          </ul>
        )}
        {card.dynamicSchemas.map((d) => (
          <p key={d.label} className="cs-action-card__dynamic">
            {d.label}: dynamic schema — its fields are loaded {d.source} when the maker fills in the inputs
            above.
          </p>
        ))}
        {card.advanced.length > 0 ? (
          <>
            <button
              type="button"
              className="cs-review-disclosure"
              aria-expanded={showAdvanced}
              onClick={() => setShowAdvanced((o) => !o)}
            >
              {showAdvanced ? "Hide advanced options" : "Show advanced options"} ({card.advanced.length})
            </button>
            {showAdvanced ? (
              <ul>
                {card.advanced.map((f) => (
                  <CardField key={f.key} field={f} />
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
        {card.hiddenCount > 0 ? (
          <p className="cs-muted">{card.hiddenCount} internal input(s) hidden from makers.</p>
        ) : null}
      </div>
    </div>
  );
}

function OperationDetails({ doc, row }: { doc: ConnectorDocument; row: OperationRow }) {
  const params = parametersOf(doc, row.ref);
  const responses = Object.entries(row.ref.operation.responses ?? {});
  return (
    <div className="cs-review-details">
      <ActionPreview doc={doc} row={row} />
      {row.ref.operation.description ? <p>{row.ref.operation.description}</p> : null}
      <table className="cs-review-table">
        <caption>Parameters</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">In</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Visibility</th>
          </tr>
        </thead>
        <tbody>
          {params.length === 0 ? (
            <tr>
              <td colSpan={5}>None</td>
            </tr>
          ) : (
            params.map((p) => (
              <tr key={`${p.in}:${p.name}`}>
                <td>
                  <code>{p.name}</code>
                  {typeof p["x-ms-summary"] === "string" ? (
                    <span className="cs-muted"> {p["x-ms-summary"]}</span>
                  ) : null}
                </td>
                <td>{p.in}</td>
                <td>
                  {p.in === "body" ? "object" : `${p.type ?? "any"}${p.format ? ` (${p.format})` : ""}`}
                </td>
                <td>{p.required ? "yes" : "no"}</td>
                <td>{visibilityOf(p)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {params
        .filter((p) => p.in === "body")
        .map((p) => (
          <SchemaTree key="body" root={doc.definition} name="Request body" schema={p.schema} />
        ))}
      {responses.map(([code, response]) => {
        const resolved = resolveRefObject(doc.definition, response);
        const schema = isJsonObject(resolved) ? (resolved.schema as Schema | undefined) : undefined;
        return schema ? (
          <SchemaTree key={code} root={doc.definition} name={`Response ${code}`} schema={schema} />
        ) : (
          <p key={code} className="cs-muted">
            Response {code}: no schema
          </p>
        );
      })}
    </div>
  );
}

function OperationItem({ doc, row }: { doc: ConnectorDocument; row: OperationRow }) {
  const [open, setOpen] = useState(false);
  const visibility = visibilityOf(row.ref.operation);
  return (
    <li className="cs-review-op">
      <button
        type="button"
        className="cs-review-op__head"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span className={`cs-method cs-method-${row.ref.method}`}>{row.ref.method.toUpperCase()}</span>
        <code className="cs-review-op__path">{row.ref.path}</code>
        <span className="cs-review-op__summary">{row.ref.operation.summary ?? row.id}</span>
        {row.isTrigger ? <span className="cs-review-tag">trigger</span> : null}
        {visibility !== "none" ? <span className="cs-review-tag">{visibility}</span> : null}
        {row.problems > 0 ? (
          <span className="cs-review-badge" aria-label={`${row.problems} problems`}>
            {row.problems}
          </span>
        ) : null}
      </button>
      {open ? <OperationDetails doc={doc} row={row} /> : null}
    </li>
  );
}

/** Every action and trigger grouped by tag, with a flow-designer preview, parameter tables and schema trees. */
export function OperationsInspector({
  doc,
  diagnostics,
}: {
  doc: ConnectorDocument;
  diagnostics: readonly Diagnostic[];
}) {
  const [filter, setFilter] = useState("");
  const groups = useMemo(() => {
    const problems = new Map<string, number>();
    for (const d of diagnostics) {
      if (d.file !== "apiDefinition.swagger.json" || !d.path.startsWith("/paths/")) continue;
      const [, , path, method] = d.path.split("/");
      const key = `/paths/${path}/${method}`;
      problems.set(key, (problems.get(key) ?? 0) + 1);
    }
    const byTag = new Map<string, OperationRow[]>();
    for (const ref of listOperations(doc.definition)) {
      const pointer = toPointer(["paths", ref.path, ref.method]);
      const row: OperationRow = {
        ref,
        pointer,
        id: ref.operation.operationId ?? `${ref.method.toUpperCase()} ${ref.path}`,
        isTrigger: ref.operation["x-ms-trigger"] !== undefined,
        problems: problems.get(pointer) ?? 0,
      };
      const tags =
        Array.isArray(ref.operation.tags) && ref.operation.tags.length > 0
          ? ref.operation.tags
          : ["Untagged"];
      for (const tag of tags.slice(0, 1)) byTag.set(String(tag), [...(byTag.get(String(tag)) ?? []), row]);
    }
    return [...byTag.entries()];
  }, [doc.definition, diagnostics]);
  const needle = filter.trim().toLowerCase();
  const visible = groups
    .map(
      ([tag, rows]) =>
        [
          tag,
          needle
            ? rows.filter((r) =>
                `${r.id} ${r.ref.path} ${r.ref.operation.summary ?? ""}`.toLowerCase().includes(needle),
              )
            : rows,
        ] as const,
    )
    .filter(([, rows]) => rows.length > 0);
  const total = groups.reduce((n, [, rows]) => n + rows.length, 0);
  return (
    <section className="cs-review-section" aria-labelledby="cs-review-operations">
      <h3 id="cs-review-operations">Operations</h3>
      <div className="cs-review-section__body">
        <p className="cs-muted">
          {total} operation(s) in {groups.length} group(s)
        </p>
        <label className="cs-review-filter">
          Filter operations
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        {visible.map(([tag, rows]) => (
          <div key={tag} className="cs-review-group">
            <h4>
              {tag} <span className="cs-muted">({rows.length})</span>
            </h4>
            <ul className="cs-review-ops" aria-label={`Operations tagged ${tag}`}>
              {rows.map((row) => (
                <OperationItem key={row.pointer} doc={doc} row={row} />
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
