import type { Command } from "../command";
import type { ConnectorDocument, ConnectorIcon } from "../connector-document";
import { getAtPointer, removeAtPointer, setAtPointer } from "../json-pointer";
import type { JsonObject } from "../json-value";
import type { SwaggerDocument } from "../swagger-types";

/** Which JSON file of the connector a pointer edit targets. */
export type JsonFileTarget = "definition" | "properties";

/** Sets the value at a JSON pointer inside the definition or apiProperties. No-op when unchanged. */
export function setValue(target: JsonFileTarget, pointer: string, value: unknown, label = "Edit"): Command {
  return {
    name: `document:set:${target}-value`,
    label,
    apply: (doc) => {
      if (getAtPointer(doc[target], pointer) === value) return doc;
      return { ...doc, [target]: setAtPointer(doc[target], pointer, value) };
    },
  };
}

/** Removes the value at a JSON pointer inside the definition or apiProperties. */
export function removeValue(target: JsonFileTarget, pointer: string, label = "Remove"): Command {
  return {
    name: `document:remove:${target}-value`,
    label,
    apply: (doc) => {
      if (getAtPointer(doc[target], pointer) === undefined) return doc;
      return { ...doc, [target]: removeAtPointer(doc[target], pointer) };
    },
  };
}

/** Replaces the whole definition, e.g. from text typed in the Swagger editor. */
export function replaceDefinition(definition: SwaggerDocument, label = "Edit in Swagger editor"): Command {
  return {
    name: "document:replace:definition",
    label,
    apply: (doc) => (doc.definition === definition ? doc : { ...doc, definition }),
  };
}

/** Replaces the whole apiProperties.json object. */
export function replaceProperties(properties: JsonObject, label = "Edit connection properties"): Command {
  return {
    name: "document:replace:properties",
    label,
    apply: (doc) => (doc.properties === properties ? doc : { ...doc, properties }),
  };
}

/** Sets or clears the custom code (`script.csx`). */
export function setScript(script: string | null, label = "Edit custom code"): Command {
  return {
    name: "code:set:script",
    label,
    apply: (doc) => (doc.script === script ? doc : { ...doc, script }),
  };
}

/** Sets or clears the icon. */
export function setIcon(icon: ConnectorIcon | null, label = "Change icon"): Command {
  return {
    name: "general:set:icon",
    label,
    apply: (doc) => (doc.icon === icon ? doc : { ...doc, icon }),
  };
}

/** Replaces the whole document (an import merged into this connector, a quick fix across files). */
export function replaceDocument(next: ConnectorDocument, label: string): Command {
  return { name: "document:replace:all", label, apply: () => next };
}
