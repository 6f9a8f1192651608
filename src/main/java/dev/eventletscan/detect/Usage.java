package dev.eventletscan.detect;

/**
 * One place where a file touches a tracked (eventlet) name, before rules turn it into a finding.
 *
 * @param kind how the name is used there
 * @param symbol the canonical dotted name, longest resolved form ({@code eventlet.greenthread.spawn})
 * @param node the syntax node the finding points at
 */
public record Usage(Kind kind, String symbol, int node) {
    public enum Kind {
        IMPORT, CALL, DECORATOR, BASE_CLASS, WITH, EXCEPT, REFERENCE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
