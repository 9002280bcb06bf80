/** The Test step. Placeholder until its issue lands. */
export function TestStep() {
  return (
    <section aria-label="Test step">
      <h2>Test</h2>
      <p>This step is coming.</p>
    </section>
  );
}
