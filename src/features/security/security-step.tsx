/** The Security step. Placeholder until its issue lands. */
export function SecurityStep() {
  return (
    <section aria-label="Security step">
      <h2>Security</h2>
      <p>This step is coming.</p>
    </section>
  );
}
