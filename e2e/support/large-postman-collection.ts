/**
 * A generated Postman collection shaped like the largest published one (951 requests sent to 20 endpoints, most
 * of them saved examples of the same call with a different body and their own test script): no corpus file
 * needed. Importing it merges the requests into 20 operations and reports hundreds of near-identical entries
 * (each dropped test script, each merged request), which is what the long Import report test reads.
 */
export const LARGE_COLLECTION_REQUESTS = 951;
export const LARGE_COLLECTION_OPERATIONS = 20;

const ACTIONS = [
  "getBooking",
  "createBooking",
  "modifyBooking",
  "cancelBooking",
  "shopOffers",
  "priceOffers",
  "getSeats",
  "fulfillTickets",
  "checkTickets",
  "voidTickets",
  "refundTickets",
  "viewOrder",
  "changeOrder",
  "hotelAvailability",
  "hotelPriceCheck",
  "carAvailability",
  "exchangeTickets",
  "splitBooking",
  "addRemarks",
  "getSchedule",
] as const;

/** A test script of `lines` lines, as Postman stores it (one string per line). */
function testScript(lines: number, i: number): string[] {
  const exec = [`pm.test("status is 200 (example ${i})", function () {`];
  while (exec.length < lines - 1)
    exec.push(`  pm.expect(pm.response.code).to.eql(200); // check ${exec.length}`);
  exec.push("});");
  return exec;
}

export function largePostmanCollection(requests = LARGE_COLLECTION_REQUESTS): Record<string, unknown> {
  const folders = ACTIONS.map((action) => ({ name: action, item: [] as Record<string, unknown>[] }));
  for (let i = 0; i < requests; i++) {
    const action = ACTIONS[i % ACTIONS.length] ?? "getBooking";
    const events: Record<string, unknown>[] = [
      { listen: "test", script: { type: "text/javascript", exec: testScript(12, i) } },
    ];
    // Every tenth request also prepares its variables, as the saved examples of a real collection do.
    if (i % 10 === 0)
      events.push({
        listen: "prerequest",
        script: {
          type: "text/javascript",
          exec: [`pm.environment.set("confirmationId", "CONF${i}");`, `console.log("example ${i}");`],
        },
      });
    folders[i % ACTIONS.length]?.item.push({
      name: `${action} example ${i}`,
      event: events,
      request: {
        method: "POST",
        header: [{ key: "Content-Type", value: "application/json" }],
        body: {
          mode: "raw",
          raw: JSON.stringify({ confirmationId: `CONF${i}`, travellers: i % 4, currency: "EUR" }),
          options: { raw: { language: "json" } },
        },
        url: {
          raw: `{{rest_endpoint}}/v1/trips/${action}`,
          host: ["{{rest_endpoint}}"],
          path: ["v1", "trips", action],
        },
        description: `Example ${i} of ${action}.`,
      },
      response: [],
    });
  }
  return {
    info: {
      name: "Fabrikam Travel Bookings",
      schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
      description: "A generated collection of many near-identical requests, for the Import report tests.",
    },
    item: folders,
    variable: [{ key: "rest_endpoint", value: "https://api.fabrikam.travel" }],
  };
}
