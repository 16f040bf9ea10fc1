"""Calls one unary method of the service with Debian's python3-grpcio, as an outside client would.

Usage: python3 call_raw.py <host:port> <token> </full/Method> <file with the request's bytes>
Prints one JSON line: the status code's name, its message, and every trailing metadata entry
(binary ones base64-encoded), so the caller can check what such a client could read.
"""
import base64
import json
import sys

import grpc


def main() -> None:
    address, token, method, request_file = sys.argv[1:5]
    with open(request_file, "rb") as f:
        request = f.read()
    # grpcio's defaults, as a platform's client would have them (8 KB of metadata at most).
    with grpc.insecure_channel(address) as channel:
        call = channel.unary_unary(method)
        try:
            call(request, metadata=[("authorization", "Bearer " + token)], timeout=30)
            print(json.dumps({"code": "OK"}))
        except grpc.RpcError as error:
            trailing = {}
            for key, value in error.trailing_metadata() or ():
                trailing[key] = base64.b64encode(value).decode() if isinstance(value, bytes) else value
            print(json.dumps({"code": error.code().name, "details": error.details(), "trailing": trailing}))


if __name__ == "__main__":
    main()
