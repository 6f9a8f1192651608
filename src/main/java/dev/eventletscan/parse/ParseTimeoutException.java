package dev.eventletscan.parse;

import java.time.Duration;

/** A parse stopped at its time limit; the scan reports the file and goes on with the others. */
public final class ParseTimeoutException extends RuntimeException {
    public ParseTimeoutException(Duration limit) {
        super("parse stopped after the time limit of " + limit.toMillis() / 1000.0 + " s (--parse-timeout); file not scanned");
    }
}
