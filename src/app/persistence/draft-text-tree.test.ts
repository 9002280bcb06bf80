import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { removeAtPointer, setAtPointer } from "../../model/json-pointer";
import type { JsonValue } from "../../model/json-value";
import { MemoStringifier } from "../../model/memo-stringify";
import { parseJsonText, stringifyJson } from "../../model/text/json-text";
import { TextTreeReceiver, TextTreeSender } from "./draft-text-tree";

function parse(text: string): JsonValue {
  const parsed = parseJsonText(text, "x.json");
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.value;
}

const SAMPLE = `{
  "swagger": "2.0",
  "info": { "title": "T", "version": "1.0", "x-n": 1.0, "x-big": 12345678901234567890 },
  "paths": {
    "/a": {
      "get": { "operationId": "A", "summary": "s", "responses": { "200": { "description": "ok" } } },
      "x-n": 2.50
    },
    "/b": { "post": { "operationId": "B", "responses": { "default": { "description": "x" } } } }
  },
  "x-order": { "b": 1, "2": 2, "a": 3 },
  "schemes": ["https"]
}`;

describe("autosave's text tree (main thread → worker)", () => {
  it("writes in the receiver exactly what stringifyJson(value, 0) writes, edit after edit, sending only what changed", () => {
    const sender = new TextTreeSender(new MemoStringifier());
    const receiver = new TextTreeReceiver();
    let value = parse(SAMPLE);
    const first = sender.describe(value);
    expect(receiver.take("c1", first)).toBe(stringifyJson(value, 0));
    const history = [value];
    for (const [pointer, next] of [
      ["/paths/~1a/get/summary", "typed"],
      ["/paths/~1a/get/summary", "typed more"],
      ["/info/x-n", 2],
      ["/paths/~1a/x-n", 3],
      ["/x-order/2", "two"],
      ["/paths/~1c", { get: { operationId: "C" } }],
    ] as const) {
      value = setAtPointer(value, pointer, next as JsonValue);
      history.push(value);
      const delta = sender.describe(value);
      // root, paths, the path item: never the untouched branches
      expect(delta.nodes.length).toBeLessThanOrEqual(3);
      expect(receiver.take("c1", delta)).toBe(stringifyJson(value, 0));
      sender.forget(receiver.prune());
    }
    // Undo back to a version whose nodes the receiver dropped: they are sent again.
    const old = history[1] as JsonValue;
    expect(receiver.take("c1", sender.describe(old))).toBe(stringifyJson(old, 0));
    value = removeAtPointer(value, "/paths/~1b");
    expect(receiver.take("c1", sender.describe(value))).toBe(stringifyJson(value, 0));
  });

  it("keeps each connector's nodes until its root is dropped", () => {
    const sender = new TextTreeSender(new MemoStringifier());
    const receiver = new TextTreeReceiver();
    const a = parse(SAMPLE);
    const b = setAtPointer(a, "/info/title", "B");
    receiver.take("a", sender.describe(a));
    receiver.take("b", sender.describe(b));
    sender.forget(receiver.prune());
    expect(receiver.take("a", sender.describe(a))).toBe(stringifyJson(a, 0));
    receiver.drop("a");
    const dropped = receiver.prune();
    expect(dropped.length).toBeGreaterThan(0);
    sender.forget(dropped);
    expect(receiver.take("a", sender.describe(a))).toBe(stringifyJson(a, 0));
  });

  it("prepares leaves in slices and matches JSON.stringify on arbitrary values", () => {
    const sender = new TextTreeSender(new MemoStringifier());
    const value = parse(SAMPLE);
    let calls = 0;
    expect(sender.prepareWithin(value, () => ++calls > 1)).toBe(false);
    expect(sender.prepareWithin(value, () => false)).toBe(true);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (item) => {
        const receiver = new TextTreeReceiver();
        const s = new TextTreeSender(new MemoStringifier());
        expect(receiver.take("x", s.describe(item as JsonValue))).toBe(JSON.stringify(item));
      }),
    );
  });
});
