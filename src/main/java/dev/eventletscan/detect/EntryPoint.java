package dev.eventletscan.detect;

import java.util.Set;

/**
 * A declared entry point: {@code nova-compute = nova.cmd.compute:main} in
 * group {@code console_scripts}.
 *
 * @param declaredIn the file that declares it, relative to the scan root
 * @param function the callable, possibly dotted ({@code Class.method}); empty when the module itself is the entry
 */
public record EntryPoint(String name, String group, String module, String function, String declaredIn) {
    /** Groups whose entry points start processes, so what runs at their start-up runs everywhere in them. */
    public static final Set<String> PROCESS_GROUPS = Set.of("console_scripts", "gui_scripts", "wsgi_scripts");

    /** Parses {@code module:function [extras]}; null when it is not of that form. */
    public static EntryPoint parse(String name, String group, String reference, String declaredIn) {
        String ref = reference.replaceAll("\\[.*]", "").strip();
        String module = ref;
        String function = "";
        int colon = ref.indexOf(':');
        if (colon >= 0) {
            module = ref.substring(0, colon).strip();
            function = ref.substring(colon + 1).strip();
        }
        if (!module.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            return null;
        }
        return new EntryPoint(name.strip(), group, module, function, declaredIn);
    }
}
