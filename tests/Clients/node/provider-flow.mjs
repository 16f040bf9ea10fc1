// A provider's flow from an external client that knows only the .proto files: post an opportunity,
// sync a feed twice, see the candidates, answer the proposal a caseworker makes, and follow the match
// (GetMatch, ListMatches and a WatchMatches stream, resumed from its cursor).
// Usage: node provider-flow.mjs <host:port> <directory of google/type/date.proto> <provider id> <provider's token>
// Prints one JSON line per step ({"step": …}); a step that is not as expected ends it with exit code 1.
// After {"step":"watching"} it waits for a proposal on its opportunity; after {"step":"answered"}, for the
// newcomer's answer that makes the match ACCEPTED.
import grpc from "@grpc/grpc-js";
import loader from "@grpc/proto-loader";
import { fileURLToPath } from "node:url";
import path from "node:path";

const [address, commonProtos, providerId, token] = process.argv.slice(2);
const protos = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../protos");
const definition = loader.loadSync(["matching/v1/opportunities.proto", "matching/v1/matching.proto"],
  { includeDirs: [protos, commonProtos], keepCase: true, enums: String, longs: Number, defaults: true });
const v1 = grpc.loadPackageDefinition(definition).matching.v1;
const credentials = grpc.credentials.createInsecure();
const metadata = new grpc.Metadata();
metadata.add("authorization", `Bearer ${token}`);
const opportunities = new v1.OpportunityService(address, credentials);
const matching = new v1.MatchingService(address, credentials);
const call = (client, method, request) =>
  new Promise((resolve, reject) => client[method](request, metadata, (error, response) => (error ? reject(error) : resolve(response))));
const say = (step, fields) => console.log(JSON.stringify({ step, ...fields }));
const expect = (condition, what) => {
  if (!condition) throw new Error(`expected ${what}`);
};
const counts = (r) => ({ created: r.created, changed: r.changed, unchanged: r.unchanged, closed: r.closed, rejected: r.rejected });

const placement = {
  kind: "OPPORTUNITY_KIND_WORK_PLACEMENT", title: "Hulp in de bakkerij", occupation: "7512", sector: "voeding",
  required_dutch_level: "CEFR_LEVEL_A2", skills: ["deeg bereiden"], location: { latitude: 52.18, longitude: 5.3 },
  municipality_code: "GM0342", capacity: 1, counts_towards_map: true, language_support: true,
  schedule: { hours_per_week: 16, day_parts: ["DAY_PART_MONDAY_MORNING", "DAY_PART_TUESDAY_MORNING"] },
};

// 1. Post.
const posted = await call(opportunities, "CreateOpportunity", { opportunity: { ...placement, provider_id: providerId } });
expect(posted.provider_id === providerId && posted.version === 1, "the opportunity created for the provider");
say("post", { opportunity_id: posted.id, version: posted.version });

// 2. Sync a feed: a header, then one chunk per item; the same full feed again is unchanged.
const sync = (items) => new Promise((resolve, reject) => {
  const stream = opportunities.SyncOpportunities(metadata, (error, response) => (error ? reject(error) : resolve(response)));
  stream.write({ header: { provider_id: providerId, mode: "SYNC_MODE_FULL" } });
  for (const item of items) stream.write({ chunk: { items: [item] } });
  stream.end();
});
const feed = ["node-vac-1", "node-vac-2"].map((external_id, i) => ({ ...placement, external_id, title: `Taalstage ${i + 1}` }));
const first = await sync(feed);
const second = await sync(feed);
expect(first.created === 2 && first.rejected === 0, "2 created the first time");
expect(second.unchanged === 2 && second.created + second.changed + second.closed === 0, "2 unchanged the second time");
say("sync", { first: counts(first), second: counts(second) });

// 3. See the candidates, as a provider sees them: a pseudonym, never the newcomer's id.
const recommended = await call(matching, "RecommendNewcomers", { opportunity_id: posted.id, limit: 20 });
const candidates = recommended.suggestions.map((s) => s.candidate.pseudonym);
expect(candidates.length > 0 && candidates.every((p) => p.startsWith("cand-")), "pseudonymised candidates");
say("candidates", {
  pseudonyms: candidates, newcomer_ids: recommended.suggestions.map((s) => s.newcomer_id),
  distance_bands: recommended.suggestions.map((s) => s.candidate.distance_band),
});

// 4 and 5. Watch the provider's matches; answer the proposal; follow it to ACCEPTED.
// Every event is kept as it comes, and nextEvent() takes the events up to the first one that matches.
const watch = (cursor) => {
  const stream = matching.WatchMatches({ provider_id: providerId, cursor }, metadata);
  const events = [];
  let failure = null;
  let wake = () => {};
  stream.on("data", (event) => { events.push(event); wake(); });
  stream.on("error", (error) => { if (error.code !== grpc.status.CANCELLED) { failure = error; wake(); } });
  stream.nextEvent = (accept) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no such match event within 30 s")), 30_000);
    const look = () => {
      const at = events.findIndex((event) => accept(event.match));
      if (at >= 0) { clearTimeout(timer); resolve(events.splice(0, at + 1)[at]); }
      else if (failure) { clearTimeout(timer); reject(failure); }
      else wake = look;
    };
    look();
  });
  return stream;
};
const live = watch("");
await new Promise((resolve) => live.once("metadata", resolve)); // the headers: every change from here on will come
say("watching", {});

const proposal = await live.nextEvent((m) => m.opportunity_id === posted.id);
expect(proposal.match.state === "MATCH_STATE_PROPOSED" && candidates.includes(proposal.match.newcomer_id), "a proposal for one of the candidates");
const answered = await call(matching, "RespondToMatch", { match_id: proposal.match.id, party: "PARTY_PROVIDER", accept: true });
expect(answered.provider_response === "RESPONSE_ACCEPTED", "the provider's answer recorded");
say("answered", { match_id: answered.id, newcomer_id: proposal.match.newcomer_id, state: answered.state, provider_response: answered.provider_response });

const accepted = await live.nextEvent((m) => m.id === proposal.match.id && m.state === "MATCH_STATE_ACCEPTED");
live.cancel();
const got = await call(matching, "GetMatch", { id: proposal.match.id });
const listed = await call(matching, "ListMatches", { provider_id: providerId, states: ["MATCH_STATE_ACCEPTED"] });
expect(got.state === "MATCH_STATE_ACCEPTED" && listed.matches.some((m) => m.id === got.id), "the match ACCEPTED in GetMatch and ListMatches");

// Resumed from the proposal's cursor, the watch brings the changes since: the answers, up to ACCEPTED.
const resumed = watch(proposal.cursor);
const again = await resumed.nextEvent((m) => m.id === got.id && m.state === "MATCH_STATE_ACCEPTED");
resumed.cancel();
say("followed", {
  match_id: got.id, watched_state: accepted.match.state, get_state: got.state, listed_ids: listed.matches.map((m) => m.id),
  resumed_state: again.match.state, resumed_version: again.match.version,
});
process.exit(0); // the channels would keep the process alive
