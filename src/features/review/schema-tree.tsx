import { useState } from "react";
import { resolveLocalRef } from "../../model/refs";
import { isJsonObject, type JsonObject } from "../../model/json-value";
import type { Schema } from "../../model/swagger-types";

function resolve(
  root: JsonObject,
  schema: Schema | undefined,
): { schema: Schema | undefined; refName: string | null } {
  if (!schema || typeof schema.$ref !== "string") return { schema, refName: null };
  const target = resolveLocalRef(root, schema.$ref);
  const refName = schema.$ref.split("/").pop() ?? schema.$ref;
  return { schema: isJsonObject(target) ? (target as Schema) : undefined, refName };
}

function typeLabel(schema: Schema | undefined, refName: string | null): string {
  if (!schema) return refName ? `${refName} (missing)` : "any";
  const type = schema.type ?? (schema.properties ? "object" : "any");
  const base =
    type === "array"
      ? `array of ${typeLabel(resolve({}, schema.items).schema ?? schema.items, schema.items?.$ref?.split("/").pop() ?? null)}`
      : String(type);
  const format = schema.format ? ` (${String(schema.format)})` : "";
  return `${refName ? `${refName}: ` : ""}${base}${format}`;
}

interface NodeProps {
  root: JsonObject;
  name: string;
  schema: Schema | undefined;
  required: boolean;
  /** `$ref`s already open above this node: opening one again would never end. */
  ancestors: readonly string[];
}

/**
 * One node of a collapsible schema tree. Children render only when the node is open, so huge or recursive
 * schemas cost nothing until someone looks; a `$ref` already open above is shown as recursive and not expanded.
 */
function SchemaNode({ root, name, schema: raw, required, ancestors }: NodeProps) {
  const [open, setOpen] = useState(false);
  const { schema, refName } = resolve(root, raw);
  const recursive = raw?.$ref !== undefined && ancestors.includes(raw.$ref);
  const target =
    schema?.type === "array" || (!schema?.properties && schema?.items)
      ? resolve(root, schema?.items).schema
      : schema;
  const children = target && isJsonObject(target.properties) ? Object.entries(target.properties) : [];
  const requiredSet = new Set(Array.isArray(target?.required) ? target.required : []);
  const summary = typeof schema?.["x-ms-summary"] === "string" ? schema["x-ms-summary"] : null;
  const visibility = typeof schema?.["x-ms-visibility"] === "string" ? schema["x-ms-visibility"] : null;
  const label = (
    <>
      <code>{name}</code> <span className="cs-review-type">{typeLabel(schema, refName)}</span>
      {required ? <span className="cs-review-tag">required</span> : null}
      {visibility && visibility !== "none" ? <span className="cs-review-tag">{visibility}</span> : null}
      {summary ? <span className="cs-muted"> — {summary}</span> : null}
      {recursive ? <span className="cs-review-tag">recursive</span> : null}
    </>
  );
  if (children.length === 0 || recursive) return <li className="cs-review-schema-leaf">{label}</li>;
  const nextAncestors = raw?.$ref ? [...ancestors, raw.$ref] : ancestors;
  return (
    <li>
      <button
        type="button"
        className="cs-review-disclosure"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      {open ? (
        <ul className="cs-review-schema">
          {children.map(([child, childSchema]) => (
            <SchemaNode
              key={child}
              root={root}
              name={child}
              schema={childSchema}
              required={requiredSet.has(child)}
              ancestors={nextAncestors}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** A collapsible tree of a body or response schema. */
export function SchemaTree({
  root,
  name,
  schema,
}: {
  root: JsonObject;
  name: string;
  schema: Schema | undefined;
}) {
  return (
    <ul className="cs-review-schema" aria-label={`${name} schema`}>
      <SchemaNode root={root} name={name} schema={schema} required={false} ancestors={[]} />
    </ul>
  );
}
