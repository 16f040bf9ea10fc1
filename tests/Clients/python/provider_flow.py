"""A provider's flow with Debian's python3-grpcio and python3-protobuf, and no generated code.

Usage: /usr/bin/python3 provider_flow.py <host:port> <FileDescriptorSet file> <provider id> <provider's token>

The message types come from the FileDescriptorSet (the contract's .proto files and what they import,
as compiled descriptors), loaded into a DescriptorPool. Prints one JSON line per step ({"step": ...});
a step that is not as expected ends it with exit code 1. After {"step": "watching"} it waits for a
proposal on its opportunity; after {"step": "answered"}, for the newcomer's answer that makes the
match ACCEPTED.
"""
import json
import sys

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

PACKAGE = "matching.v1"


def load_types(descriptor_set_file):
    """The message classes of the descriptor set, by short name."""
    with open(descriptor_set_file, "rb") as f:
        files = descriptor_pb2.FileDescriptorSet.FromString(f.read())
    pool = descriptor_pool.DescriptorPool()
    for file in files.file:  # in dependency order
        pool.Add(file)
    factory = message_factory.MessageFactory(pool)
    types = {}
    for file in files.file:
        if file.package == PACKAGE:
            for message in file.message_type:
                types[message.name] = factory.GetPrototype(pool.FindMessageTypeByName(f"{PACKAGE}.{message.name}"))
    return types


def number(message_type, field, name):
    """The number of the enum value called name, of the message type's enum field."""
    return message_type.DESCRIPTOR.fields_by_name[field].enum_type.values_by_name[name].number


def say(step, **fields):
    print(json.dumps({"step": step, **fields}), flush=True)


def expect(condition, what):
    if not condition:
        raise SystemExit(f"expected {what}")


def main():
    address, descriptor_set_file, provider_id, token = sys.argv[1:5]
    t = load_types(descriptor_set_file)
    metadata = [("authorization", "Bearer " + token)]
    channel = grpc.insecure_channel(address)

    def method(service, name, response, kind="unary_unary"):
        return getattr(channel, kind)(f"/{PACKAGE}.{service}/{name}", request_serializer=lambda m: m.SerializeToString(),
                                      response_deserializer=t[response].FromString)

    def unary(service, name, request, response):
        return method(service, name, response)(request, metadata=metadata, timeout=30)

    placement = {
        "kind": "OPPORTUNITY_KIND_WORK_PLACEMENT", "title": "Hulp in de bakkerij", "occupation": "7512", "sector": "voeding",
        "requiredDutchLevel": "CEFR_LEVEL_A2", "skills": ["deeg bereiden"], "location": {"latitude": 52.18, "longitude": 5.3},
        "municipalityCode": "GM0342", "capacity": 1, "countsTowardsMap": True, "languageSupport": True,
        "schedule": {"hoursPerWeek": 16, "dayParts": ["DAY_PART_MONDAY_MORNING", "DAY_PART_TUESDAY_MORNING"]},
    }

    # 1. Post.
    request = json_format.ParseDict({"opportunity": {**placement, "providerId": provider_id}}, t["CreateOpportunityRequest"]())
    posted = unary("OpportunityService", "CreateOpportunity", request, "Opportunity")
    expect(posted.provider_id == provider_id and posted.version == 1, "the opportunity created for the provider")
    say("post", opportunity_id=posted.id, version=posted.version)

    # 2. Sync a feed: a header, then one chunk per item; the same full feed again is unchanged.
    feed = [json_format.ParseDict({**placement, "externalId": f"python-vac-{i}", "title": f"Taalstage {i}"}, t["Opportunity"]())
            for i in (1, 2)]

    def sync():
        parts = [t["SyncOpportunitiesRequest"](header=t["SyncHeader"](provider_id=provider_id, mode=number(t["SyncHeader"], "mode", "SYNC_MODE_FULL")))]
        parts += [t["SyncOpportunitiesRequest"](chunk=t["SyncChunk"](items=[item])) for item in feed]
        call = method("OpportunityService", "SyncOpportunities", "SyncOpportunitiesResponse", "stream_unary")
        return call(iter(parts), metadata=metadata, timeout=30)

    def counts(r):
        return {"created": r.created, "changed": r.changed, "unchanged": r.unchanged, "closed": r.closed, "rejected": r.rejected}

    first, second = sync(), sync()
    expect(first.created == 2 and first.rejected == 0, "2 created the first time")
    expect(second.unchanged == 2 and second.created + second.changed + second.closed == 0, "2 unchanged the second time")
    say("sync", first=counts(first), second=counts(second))

    # 3. See the candidates, as a provider sees them: a pseudonym, never the newcomer's id.
    recommended = unary("MatchingService", "RecommendNewcomers", t["RecommendNewcomersRequest"](opportunity_id=posted.id, limit=20),
                        "RecommendNewcomersResponse")
    candidates = [s.candidate.pseudonym for s in recommended.suggestions]
    expect(candidates and all(p.startswith("cand-") for p in candidates), "pseudonymised candidates")
    say("candidates", pseudonyms=candidates, newcomer_ids=[s.newcomer_id for s in recommended.suggestions],
        distance_bands=[s.candidate.distance_band for s in recommended.suggestions])

    # 4 and 5. Watch the provider's matches; answer the proposal; follow it to ACCEPTED.
    state = t["Match"].DESCRIPTOR.fields_by_name["state"].enum_type.values_by_name
    accepted_state, proposed_state = number(t["Match"], "state", "MATCH_STATE_ACCEPTED"), number(t["Match"], "state", "MATCH_STATE_PROPOSED")

    def watch(cursor):
        request = t["WatchMatchesRequest"](provider_id=provider_id, cursor=cursor)
        return method("MatchingService", "WatchMatches", "WatchMatchesResponse", "unary_stream")(request, metadata=metadata, timeout=60)

    def first_event(stream, accept):
        return next(event for event in stream if accept(event.match))

    live = watch("")
    live.initial_metadata()  # the headers: every change from here on will come
    say("watching")
    proposal = first_event(live, lambda m: m.opportunity_id == posted.id)
    expect(proposal.match.state == proposed_state and proposal.match.newcomer_id in candidates, "a proposal for one of the candidates")
    answer = t["RespondToMatchRequest"](match_id=proposal.match.id, party=number(t["RespondToMatchRequest"], "party", "PARTY_PROVIDER"), accept=True)
    answered = unary("MatchingService", "RespondToMatch", answer, "Match")
    response = t["Match"].DESCRIPTOR.fields_by_name["provider_response"].enum_type.values_by_number
    expect(response[answered.provider_response].name == "RESPONSE_ACCEPTED", "the provider's answer recorded")
    say("answered", match_id=answered.id, newcomer_id=proposal.match.newcomer_id, state=state_name(answered.state, state),
        provider_response=response[answered.provider_response].name)

    accepted = first_event(live, lambda m: m.id == answered.id and m.state == accepted_state)
    live.cancel()
    got = unary("MatchingService", "GetMatch", t["GetMatchRequest"](id=answered.id), "Match")
    listed = unary("MatchingService", "ListMatches", t["ListMatchesRequest"](provider_id=provider_id, states=[accepted_state]),
                   "ListMatchesResponse")
    expect(got.state == accepted_state and any(m.id == got.id for m in listed.matches), "the match ACCEPTED in GetMatch and ListMatches")

    # Resumed from the proposal's cursor, the watch brings the changes since: the answers, up to ACCEPTED.
    resumed = watch(proposal.cursor)
    again = first_event(resumed, lambda m: m.id == got.id and m.state == accepted_state)
    resumed.cancel()
    say("followed", match_id=got.id, watched_state=state_name(accepted.match.state, state), get_state=state_name(got.state, state),
        listed_ids=[m.id for m in listed.matches], resumed_state=state_name(again.match.state, state), resumed_version=again.match.version)
    channel.close()


def state_name(number, states):
    return next(name for name, value in states.items() if value.number == number)


if __name__ == "__main__":
    main()
