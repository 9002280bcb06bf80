// The pointer → text range mapping is pure and shared with the importers (line and column of report entries).
export * from "../model/text/pointer-range";
