/** The General step. Placeholder until its issue lands. */
export function GeneralStep() {
  return (
    <section aria-label="General step">
      <h2>General</h2>
      <p>This step is coming.</p>
    </section>
  );
}
