import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../connector-document";
import { createEmptyConnector } from "../create-empty-connector";
import {
  codeFileProblem,
  operationIds,
  SCRIPT_TEMPLATE,
  scriptRunsFor,
  scriptSizeProblem,
  setCodeEnabled,
  setScriptOperations,
  setScriptText,
  toCodeFormValues,
} from "./code";

function withOperations(): ConnectorDocument {
  const doc = createEmptyConnector();
  return {
    ...doc,
    definition: {
      ...doc.definition,
      paths: {
        "/mail": {
          post: { operationId: "Send_Mail", responses: {} },
          get: { operationId: "List_Mail", responses: {} },
        },
      },
    },
    properties: { properties: { iconBrandColor: "#000000", scriptOperations: ["Send_Mail"], other: 1 } },
    script: "public class Script : ScriptBase {}",
  };
}

describe("code step core", () => {
  it("reads values and writing them back is a no-op", () => {
    const doc = withOperations();
    const values = toCodeFormValues(doc);
    expect(values).toEqual({
      enabled: true,
      script: "public class Script : ScriptBase {}",
      operations: ["Send_Mail"],
    });
    let next = setCodeEnabled(values.enabled).apply(doc);
    next = setScriptText(values.script).apply(next);
    next = setScriptOperations(values.operations).apply(next);
    expect(next).toBe(doc);
    expect(operationIds(doc)).toEqual(["Send_Mail", "List_Mail"]);
  });

  it("enabling starts from the template; disabling removes script and operations in one step", () => {
    const on = setCodeEnabled(true).apply(createEmptyConnector());
    expect(on.script).toBe(SCRIPT_TEMPLATE);
    expect(SCRIPT_TEMPLATE).toContain("public class Script : ScriptBase");
    expect(SCRIPT_TEMPLATE).toContain("public override async Task<HttpResponseMessage> ExecuteAsync()");
    const off = setCodeEnabled(false).apply(withOperations());
    expect(off.script).toBeNull();
    expect(off.properties).toEqual({ properties: { iconBrandColor: "#000000", other: 1 } });
  });

  it("operations: none means all (key removed), otherwise the list is written", () => {
    const all = setScriptOperations([]).apply(withOperations());
    expect(toCodeFormValues(all).operations).toEqual([]);
    expect(Object.keys(all.properties.properties as object)).toEqual(["iconBrandColor", "other"]);
    const two = setScriptOperations(["Send_Mail", "List_Mail"]).apply(all);
    expect(toCodeFormValues(two).operations).toEqual(["Send_Mail", "List_Mail"]);
  });

  it("says for which operations the platform runs the script (the Test step's note)", () => {
    const doc = withOperations();
    expect(scriptRunsFor(doc, "Send_Mail")).toBe(true);
    expect(scriptRunsFor(doc, "List_Mail")).toBe(false);
    expect(scriptRunsFor(setScriptOperations([]).apply(doc), "List_Mail")).toBe(true);
    expect(scriptRunsFor(setCodeEnabled(false).apply(doc), "Send_Mail")).toBe(false);
  });

  it("refuses scripts over 1 MB with a clear message and checks file names", () => {
    const big = "x".repeat(1024 * 1024 + 1);
    expect(scriptSizeProblem(big)).toMatch(/at most 1 MB/);
    expect(scriptSizeProblem("ok")).toBeNull();
    const doc = withOperations();
    expect(setScriptText(big).apply(doc)).toBe(doc);
    expect(codeFileProblem("script.csx")).toBeNull();
    expect(codeFileProblem("Script.cs")).toBeNull();
    expect(codeFileProblem("notes.txt")).toMatch(/\.cs or \.csx/);
  });
});
