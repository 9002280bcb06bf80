/** The Review step. Placeholder until its issue lands. */
export function ReviewStep() {
  return (
    <section aria-label="Review step">
      <h2>Review</h2>
      <p>This step is coming.</p>
    </section>
  );
}
