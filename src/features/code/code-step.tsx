/** The Code step. Placeholder until its issue lands. */
export function CodeStep() {
  return (
    <section aria-label="Code step">
      <h2>Code</h2>
      <p>This step is coming.</p>
    </section>
  );
}
