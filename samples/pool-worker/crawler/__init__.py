"""crawler: fetch pages concurrently and fingerprint their bodies."""
