#!/usr/bin/env python3
"""Checks an NTM Records history export without the service: python3 check-export.py history-30049.json

Run it after checking the checkpoint's signature with openssl (docs/audit.md). It proves that the links lead to the
chain hash stated in the signed message, that every exported event is the row its link hashes, and that no event
of the unit's streams between its first and the checkpoint is missing. Standard library only.
"""
import base64, hashlib, json, struct, sys

d = json.load(open(sys.argv[1], encoding="utf-8"))
message = d["checkpoint"]["message"].splitlines()
assert message[0] == "ntm-records checkpoint v2", "not a v2 checkpoint"
signed = dict(line.split("=", 1) for line in message[1:])  # what the signature covers


def field(b):
    return b"\xff\xff\xff\xff" if b is None else struct.pack(">I", len(b)) + b


def text(s):
    return None if s is None else str(s).encode("utf-8")


def raw(s):
    return None if s is None else base64.b64decode(s)


h = bytes.fromhex(d["chainStart"]["previousHash"])
content, unit = {}, {}
for link in d["links"]:
    c = bytes.fromhex(link["contentHash"])
    content[link["seq"]] = link["contentHash"]
    if link["keySeq"] is None:  # linked under the first scheme
        h = hashlib.sha256(h + c).digest()
    else:
        key = hashlib.sha256(link["streamKey"].encode("utf-8")).digest()
        h = hashlib.sha256(h + c + key + struct.pack(">q", link["keySeq"])).digest()
        if link["streamKey"] == d["unitCode"]:
            unit[link["keySeq"]] = link["seq"]
assert d["links"][-1]["seq"] == int(signed["seq"]), "the links stop before the checkpoint"
assert h.hex() == signed["chainHash"], "the links do not lead to the signed chain hash"

exported = set()
for e in d["events"]:
    s = e["stored"]
    if "canonical" in e:  # stored under the first scheme: the chain hashes its canonical form
        form = e["canonical"].encode("utf-8")
    else:
        form = b"ntm-records event v2\n" + b"".join(field(x) for x in [
            text(s["globalIndex"]), text(s["eventIdentifier"]), text(s["aggregateIdentifier"]),
            text(s["sequenceNumber"]), text(s["type"]), text(s["timeStamp"]), text(s["payloadType"]),
            text(s["payloadRevision"]), raw(s["payload"]), raw(s["metaData"]), raw(s["seal"])])
    assert hashlib.sha256(form).hexdigest() == content.get(e["seq"]), "event at link %d" % e["seq"]
    for readable, stored in (("payload", s["payload"]), ("metaData", s["metaData"])):
        assert (None if stored is None else json.loads(raw(stored))) == e[readable], \
            "event at link %d: its readable %s is not what its stored bytes say" % (e["seq"], readable)
    exported.add(e["seq"])

assert sorted(unit) == list(range(1, len(unit) + 1)), "the export does not hold the unit's links from its first"
missing = [seq for seq in unit.values() if seq not in exported]
assert not missing, "events of the unit missing from the export at links %s" % missing
print("chain and %d events hold up to checkpoint %s of store %s; all %d events of unit %s's streams are there"
      % (len(d["events"]), signed["seq"], signed["store"], len(unit), d["unitCode"]))
