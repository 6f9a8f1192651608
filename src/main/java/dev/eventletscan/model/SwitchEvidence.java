package dev.eventletscan.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One site that bears on whether eventlet can be switched off.
 *
 * @param kind {@code switched-patch} (monkey_patch under a switch), {@code unswitched-patch} (monkey_patch that runs
 *     unconditionally or under a condition that is no switch, such as the platform), {@code dual-mode-check}
 *     ({@code is_monkey_patched}), {@code backend-option} (oslo.service's backend chosen in code) or
 *     {@code green-primitives} (explicit primitives that run whatever the switch says: the count and the first)
 * @param switchKind for a switched patch, what switches it: {@code environment}, {@code option} or {@code dual-mode}
 * @param detail the condition, the call or the count, as the report shows it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SwitchEvidence(String kind, String switchKind, String path, int line, String detail) {}
