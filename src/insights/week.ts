/**
 * The week an event is counted in. Its own module: the process records events (insights.ts) before the
 * database layer (insightsStore.ts, Kysely) is loaded, in the background after start-up.
 */

/** The Monday of a date's week (UTC), YYYY-MM-DD. */
export function weekOf(at: Date): string {
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
}
