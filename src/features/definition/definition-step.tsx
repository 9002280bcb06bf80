/** The Definition step. Placeholder until its issue lands. */
export function DefinitionStep() {
  return (
    <section aria-label="Definition step">
      <h2>Definition</h2>
      <p>This step is coming.</p>
    </section>
  );
}
