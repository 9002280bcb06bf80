// swagger-parser calls util.format / util.inherits; Vite externalises Node's util in the browser,
// so this shim gives it just those two.
export function format(fmt: unknown, ...args: unknown[]): string {
  if (typeof fmt !== "string") return [fmt, ...args].map((a) => inspect(a)).join(" ");
  let i = 0;
  const out = fmt.replace(/%[sdifjoO%]/g, (token) => {
    if (token === "%%") return "%";
    if (i >= args.length) return token;
    const arg = args[i++];
    switch (token) {
      case "%s":
        return String(arg);
      case "%d":
      case "%i":
        return String(Math.trunc(Number(arg)));
      case "%f":
        return String(Number(arg));
      default:
        return inspect(arg);
    }
  });
  const rest = args.slice(i).map((a) => inspect(a));
  return rest.length > 0 ? `${out} ${rest.join(" ")}` : out;
}

function inspect(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function inherits(ctor: { prototype: object }, superCtor: { prototype: object }): void {
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

export default { format, inherits };
