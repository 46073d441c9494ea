#!/usr/bin/env python3
"""Asks one DNS server for one A record over UDP and checks the answer: dns-query.py SERVER NAME EXPECTED_IP.

Exits 0 when the answer holds EXPECTED_IP, 1 otherwise (and says what came back). Standard library only,
so the lab needs no dig or nslookup.
"""
import random
import socket
import struct
import sys


def query(server: str, name: str, timeout: float = 2.0) -> list[str]:
    ident = random.randrange(1 << 16)
    header = struct.pack(">HHHHHH", ident, 0x0100, 1, 0, 0, 0)  # recursion desired, one question
    question = b"".join(bytes([len(label)]) + label.encode() for label in name.split(".")) + b"\0"
    packet = header + question + struct.pack(">HH", 1, 1)  # type A, class IN
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(timeout)
        sock.sendto(packet, (server, 53))
        reply, _ = sock.recvfrom(4096)
    got_id, flags, _, answers, _, _ = struct.unpack(">HHHHHH", reply[:12])
    if got_id != ident:
        raise ValueError("reply for another query")
    if flags & 0xF:
        raise ValueError(f"rcode {flags & 0xF}")
    offset = 12 + len(question) + 4
    addresses = []
    for _ in range(answers):
        offset = skip_name(reply, offset)
        rtype, _, _, length = struct.unpack(">HHIH", reply[offset:offset + 10])
        offset += 10
        if rtype == 1 and length == 4:
            addresses.append(socket.inet_ntoa(reply[offset:offset + 4]))
        offset += length
    return addresses


def skip_name(data: bytes, offset: int) -> int:
    while True:
        length = data[offset]
        if length == 0:
            return offset + 1
        if length & 0xC0 == 0xC0:  # compression pointer ends the name
            return offset + 2
        offset += 1 + length


def main() -> int:
    server, name, expected = sys.argv[1:4]
    try:
        addresses = query(server, name)
    except (OSError, ValueError) as error:
        print(f"{server} did not answer {name}: {error}")
        return 1
    if expected not in addresses:
        print(f"{server} answered {name} with {addresses}, not {expected}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
