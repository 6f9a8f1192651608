package dev.eventletscan.model;

import java.util.List;

/**
 * Whether eventlet can be switched off where a process starts, or in the whole repository, with the evidence.
 *
 * @param answer {@code yes}: every monkey_patch on the path runs only when a switch (an environment variable, an
 *     option, a dual-mode check) says so, and the code has a non-eventlet path; {@code maybe}: patching is switchable
 *     but explicit eventlet primitives run whatever the switch says; {@code no}: something patches or uses eventlet
 *     unconditionally
 * @param reason one sentence saying why
 * @param evidence the sites that decided it
 */
public record SwitchVerdict(String answer, String reason, List<SwitchEvidence> evidence) {
    public static final String YES = "yes";
    public static final String MAYBE = "maybe";
    public static final String NO = "no";

    public SwitchVerdict {
        evidence = List.copyOf(evidence);
    }
}
