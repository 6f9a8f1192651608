package dev.eventletscan.rules;

import java.util.Locale;
import java.util.Map;

/**
 * One place where a file touches a tracked (eventlet) name, before rules turn it into a finding.
 *
 * @param kind how the name is used there
 * @param symbol the canonical dotted name, longest resolved form ({@code eventlet.greenthread.spawn})
 * @param node the syntax node the finding points at
 * @param arguments for calls, the literal string arguments by position ({@code "0"}) and keyword
 */
public record Usage(Kind kind, String symbol, int node, Map<String, String> arguments) {
    public Usage {
        arguments = Map.copyOf(arguments);
    }

    public Usage(Kind kind, String symbol, int node) {
        this(kind, symbol, node, Map.of());
    }

    public enum Kind {
        IMPORT, CALL, DECORATOR, BASE_CLASS, WITH, EXCEPT, REFERENCE,
        /** named as the target of a mock patch: {@code mock.patch('eventlet.sleep')}, {@code patch.object(eventlet, 'spawn')} */
        MOCK,
        /** named in another string literal: {@code stub_out('nova.utils.eventlet.spawn', ...)} */
        STRING;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
