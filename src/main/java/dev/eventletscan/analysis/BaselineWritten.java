package dev.eventletscan.analysis;

import dev.eventletscan.model.Comparison;
import java.nio.file.Path;

/**
 * A baseline file written by {@link Analysis#writeBaseline}.
 *
 * @param file where it went
 * @param findings how many findings it holds
 * @param change how the findings compare with the baseline it replaced, or null when there was none
 */
public record BaselineWritten(Path file, int findings, Comparison change) {}
