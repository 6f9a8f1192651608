package dev.eventletscan.model;

/**
 * One of the project's own interfaces an indirect finding reaches eventlet through.
 *
 * @param name the dotted name the code uses there ({@code nova.utils.spawn_n})
 * @param kind {@code facade} (a module-level name bound to an eventlet symbol, or re-exported from another facade)
 *     or {@code wrapper} (a project function that calls an eventlet primitive and returns or forwards it) or
 *     {@code accessor} (a project function that returns an eventlet object: {@code return eventlet})
 * @param path the file that defines it, relative to the scan root
 * @param line where it is defined or bound
 */
public record Hop(String name, String kind, String path, int line) {
    public static final String FACADE = "facade";
    public static final String WRAPPER = "wrapper";
    public static final String ACCESSOR = "accessor";
}
