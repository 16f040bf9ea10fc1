// A caseworker's session against the matching service, from an external client that knows only the
// .proto files: register a newcomer, post a placement, ask for suggestions, propose, accept.
// Usage: node session.mjs <host:port> <directory of google/type/date.proto> <bearer token>
import grpc from "@grpc/grpc-js";
import loader from "@grpc/proto-loader";
import { fileURLToPath } from "node:url";
import path from "node:path";

const [address = "127.0.0.1:5080", commonProtos, token = process.env.MATCHING_TOKEN ?? ""] = process.argv.slice(2);
const protos = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../protos");
const definition = loader.loadSync(
  ["matching/v1/profiles.proto", "matching/v1/opportunities.proto", "matching/v1/matching.proto"],
  { includeDirs: [protos, ...(commonProtos ? [commonProtos] : [])], keepCase: true, enums: String, longs: Number, defaults: true });
const v1 = grpc.loadPackageDefinition(definition).matching.v1;
// Plaintext on loopback, as the standalone host serves it; the token goes in each call's metadata.
const credentials = grpc.credentials.createInsecure();
const metadata = new grpc.Metadata();
metadata.add("authorization", `Bearer ${token}`);
const profiles = new v1.ProfileService(address, credentials);
const opportunities = new v1.OpportunityService(address, credentials);
const matching = new v1.MatchingService(address, credentials);
const call = (client, method, request) =>
  new Promise((resolve, reject) => client[method](request, metadata, (error, response) => (error ? reject(error) : resolve(response))));
const say = (line) => console.log(line);

const newcomer = await call(profiles, "CreateNewcomer", {
  newcomer: {
    municipality_code: "GM0342", caseworker_id: "soest-km-1", display_name: "Hewan T.",
    home: { latitude: 52.1731, longitude: 5.2912 }, dutch_level: "CEFR_LEVEL_A2",
    languages: [{ language: "ti", level: "CEFR_LEVEL_C2" }], leerroute: "LEERROUTE_B1",
    pip_goals: ["PIP_GOAL_WORK"], occupations: ["5120"], skills: ["koken", "hygiëne"],
    availability: { hours_per_week: 24, day_parts: ["DAY_PART_MONDAY_MORNING", "DAY_PART_THURSDAY_MORNING"] },
    max_travel_km: 8, travel_modes: ["TRAVEL_MODE_BICYCLE"], consent: { matching: true, share_with_providers: true },
  },
});
say(`CreateNewcomer -> id ${newcomer.id}, version ${newcomer.version}`);

const provider = await call(opportunities, "CreateProvider", {
  provider: { name: "Restaurant De Smulpot", kind: "PROVIDER_KIND_ONDERNEMERSLADDER", municipality_code: "GM0342" },
});
const placement = await call(opportunities, "CreateOpportunity", {
  opportunity: {
    provider_id: provider.id, kind: "OPPORTUNITY_KIND_WORK_PLACEMENT", title: "Hulpkok in de keuken", occupation: "5120",
    required_dutch_level: "CEFR_LEVEL_A2", skills: ["koken", "hygiëne"], location: { latitude: 52.1812, longitude: 5.2987 },
    municipality_code: "GM0342", capacity: 1, counts_towards_map: true, language_support: true,
    schedule: { hours_per_week: 16, day_parts: ["DAY_PART_MONDAY_MORNING", "DAY_PART_THURSDAY_MORNING"] },
  },
});
say(`CreateOpportunity -> id ${placement.id}, "${placement.title}"`);

const bad = await call(opportunities, "CreateOpportunity", { opportunity: { provider_id: provider.id, capacity: 0 } }).catch((e) => e);
say(`CreateOpportunity with an empty placement -> ${grpc.status[bad.code]}: ${bad.details}`);

const recommended = await call(matching, "RecommendOpportunities", { newcomer_id: newcomer.id, limit: 3 });
say(`RecommendOpportunities -> ${recommended.suggestions.length} suggestion(s), ranker ${recommended.ranker}`);
for (const s of recommended.suggestions) {
  say(`  ${s.title} (score ${s.score.toFixed(2)}, ${s.distance_km} km, ${s.places_left} place(s) left)`);
  for (const r of s.reasons) say(`    - ${r.text_nl} / ${r.text_en}`);
}
say(`  removed by constraint: ${recommended.removed.map((c) => `${c.constraint.replace("CONSTRAINT_", "")}=${c.removed}`).join(", ")}`);

const proposed = await call(matching, "ProposeMatch", { newcomer_id: newcomer.id, opportunity_id: placement.id, caseworker_id: "soest-km-1" });
say(`ProposeMatch -> ${proposed.state}`);
await call(matching, "RespondToMatch", { match_id: proposed.id, party: "PARTY_PROVIDER", accept: true });
const accepted = await call(matching, "RespondToMatch", { match_id: proposed.id, party: "PARTY_NEWCOMER", accept: true });
say(`RespondToMatch (provider, then newcomer) -> ${accepted.state}`);
