"""Standalone server for local runs: python -m chatboard.server."""
import argparse
import logging

import eventlet
import eventlet.wsgi

from chatboard.app import application

LOG = logging.getLogger("chatboard")


def serve(host="0.0.0.0", port=8080, certfile=None, keyfile=None):
    sock = eventlet.listen((host, port))
    if certfile:
        sock = eventlet.wrap_ssl(sock, certfile=certfile, keyfile=keyfile,
                                 server_side=True)
    LOG.info("listening on %s:%d", host, port)
    eventlet.wsgi.server(sock, application, log=LOG, max_size=500)


def main():
    parser = argparse.ArgumentParser(prog="chatboard")
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--certfile")
    parser.add_argument("--keyfile")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    serve(args.host, args.port, args.certfile, args.keyfile)


if __name__ == "__main__":
    main()
