package dev.eventletscan.model;

import dev.eventletscan.api.Scanner;

/**
 * Test-only: a bottom-layer class that reaches up to the scan engine, the kind of import ArchitectureTest must
 * refuse. ArchitectureTest adds it to the production classes to show that its rules fail on such an import.
 */
public final class ArchitectureProbe {
    private ArchitectureProbe() {}

    public static String upward(Scanner scanner) {
        return scanner.toString();
    }
}
