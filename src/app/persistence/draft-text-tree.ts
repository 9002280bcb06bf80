import type { JsonValue } from "../../model/json-value";
import { orderedKeys } from "../../model/json-value";
import { joinsAt, memberLexeme, type MemoStringifier } from "../../model/memo-stringify";

/**
 * A member of a joined object: its text (a leaf, written whole) or the id of a joined object the receiver
 * has (or gets in the same message).
 */
export type TextRef = string | number;

/** One joined object (root, `paths`, a path item…): its keys in order and each member's text or node. */
export interface TextNode {
  id: number;
  keys: string[];
  refs: TextRef[];
}

/** What the receiver needs to write a definition's text: its root and the nodes it does not have yet. */
export interface TextTreeDelta {
  root: TextRef;
  nodes: TextNode[];
}

/**
 * The main thread's side of autosave's text tree. The definition's compact text is the objects near the
 * root joined from their members' text ({@link MemoStringifier}); here those joins are left to the receiver
 * (the autosave worker): an edit sends only the objects on the changed path (found by identity, the model
 * is immutable) and the changed operation's text, never the whole document. The receiver keeps what it
 * was sent and tells which nodes it dropped ({@link forget}), so they are sent again when they come back
 * (undo).
 */
export class TextTreeSender {
  private readonly sent = new WeakMap<object, number>();
  private readonly byId = new Map<number, WeakRef<object>>();
  private nextId = 1;

  constructor(private readonly memo: MemoStringifier) {}

  /** The root and the nodes the receiver lacks; they count as sent from now on. */
  describe(value: JsonValue): TextTreeDelta {
    const nodes: TextNode[] = [];
    const root = this.ref(value, 0, nodes);
    return { root, nodes };
  }

  /**
   * Writes the leaves not sent yet in time slices (the first save after an import); false when
   * `outOfTime()` stopped it first (what was written is cached, the next call goes on).
   */
  prepareWithin(value: JsonValue, outOfTime: () => boolean, depth = 0): boolean {
    if (!joinsAt(value, depth)) return this.memo.leafWithin(value, outOfTime) !== null;
    if (this.sent.has(value)) return true;
    for (const key of orderedKeys(value)) {
      const item = value[key];
      if (item === undefined || memberLexeme(value, key, item) !== undefined) continue;
      if (!this.prepareWithin(item, outOfTime, depth + 1)) return false;
    }
    return true;
  }

  /** The receiver dropped these nodes: send them again when they are used again. */
  forget(ids: readonly number[]): void {
    for (const id of ids) {
      const object = this.byId.get(id)?.deref();
      if (object) this.sent.delete(object);
      this.byId.delete(id);
    }
  }

  /** Everything counts as unsent again (the receiver was replaced). */
  reset(): void {
    for (const id of [...this.byId.keys()]) this.forget([id]);
  }

  private ref(value: JsonValue, depth: number, nodes: TextNode[]): TextRef {
    if (!joinsAt(value, depth)) return this.memo.leaf(value);
    const known = this.sent.get(value);
    if (known !== undefined) return known;
    const keys: string[] = [];
    const refs: TextRef[] = [];
    for (const key of orderedKeys(value)) {
      const item = value[key];
      if (item === undefined) continue; // JSON.stringify leaves such keys out
      keys.push(key);
      refs.push(memberLexeme(value, key, item) ?? this.ref(item, depth + 1, nodes));
    }
    const id = this.nextId++;
    nodes.push({ id, keys, refs });
    this.sent.set(value, id);
    this.byId.set(id, new WeakRef(value));
    return id;
  }
}

/**
 * The autosave worker's side: keeps the nodes it was sent and each connector's latest root, writes a root's
 * text (joins cached per node, nodes never change), and drops what no connector's root reaches any more.
 */
export class TextTreeReceiver {
  private readonly nodes = new Map<number, TextNode>();
  private readonly texts = new Map<number, string>();
  private readonly roots = new Map<string, TextRef>();

  /** Takes a connector's new root and nodes; returns its text. */
  take(connectorId: string, delta: TextTreeDelta): string {
    for (const node of delta.nodes) this.nodes.set(node.id, node);
    this.roots.set(connectorId, delta.root);
    return this.text(delta.root);
  }

  /** Forgets a connector (its draft was deleted). */
  drop(connectorId: string): void {
    this.roots.delete(connectorId);
  }

  /** Drops the nodes no root reaches; returns their ids (for {@link TextTreeSender.forget}). */
  prune(): number[] {
    const reached = new Set<number>();
    const visit = (ref: TextRef) => {
      if (typeof ref === "string" || reached.has(ref)) return;
      reached.add(ref);
      for (const child of this.nodes.get(ref)?.refs ?? []) visit(child);
    };
    for (const root of this.roots.values()) visit(root);
    const dropped: number[] = [];
    for (const id of this.nodes.keys()) {
      if (reached.has(id)) continue;
      this.nodes.delete(id);
      this.texts.delete(id);
      dropped.push(id);
    }
    return dropped;
  }

  private text(ref: TextRef): string {
    if (typeof ref === "string") return ref;
    const cached = this.texts.get(ref);
    if (cached !== undefined) return cached;
    const node = this.nodes.get(ref);
    if (!node) throw new Error(`autosave: text node ${ref} missing`);
    const parts: string[] = [];
    for (let i = 0; i < node.keys.length; i++) {
      parts.push(`${JSON.stringify(node.keys[i])}:${this.text(node.refs[i] as TextRef)}`);
    }
    const text = `{${parts.join(",")}}`;
    this.texts.set(ref, text);
    return text;
  }
}
