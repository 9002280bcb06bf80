import { describe, expect, it } from "vitest";
import { safeFileName } from "./safe-file-name";

describe("safeFileName", () => {
  it("keeps dots inside names", () => {
    expect(safeFileName("Tomorrow.io")).toBe("Tomorrow.io");
    expect(safeFileName("U.S. Bank Treasury Management")).toBe("U.S. Bank Treasury Management");
  });

  it("never yields `.`, `..` or a name of dots", () => {
    for (const name of [".", "..", "...", " .. ", "", "   ", "/", "\\..\\"])
      expect(safeFileName(name)).toBe("Connector");
    expect(safeFileName("..", "input")).toBe("input");
  });

  it("drops separators, characters Windows rejects and control characters", () => {
    expect(safeFileName("../../etc/passwd")).toBe("....etcpasswd");
    expect(safeFileName('a\\b:c*d?e"f<g>h|i')).toBe("abcdefghi");
    expect(safeFileName("Contoso\u0000\u0007\n\tTasks\u007f")).toBe("ContosoTasks");
  });

  it("drops trailing dots and spaces, which Windows would drop silently", () => {
    expect(safeFileName("Contoso Inc. ")).toBe("Contoso Inc");
    expect(safeFileName("Contoso...")).toBe("Contoso");
  });

  it("moves reserved Windows device names out of the way", () => {
    expect(safeFileName("CON")).toBe("CON_");
    expect(safeFileName("nul.txt")).toBe("nul_.txt");
    expect(safeFileName("com1")).toBe("com1_");
    expect(safeFileName("LPT9")).toBe("LPT9_");
    expect(safeFileName("Console")).toBe("Console");
  });

  it("caps the length at 120 code points", () => {
    expect(Array.from(safeFileName("é".repeat(300)))).toHaveLength(120);
    expect(Array.from(safeFileName("😀".repeat(200)))).toHaveLength(120);
  });
});
