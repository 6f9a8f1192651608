package dev.eventletscan.model;

import java.util.List;

/**
 * What one monkey_patch call patches, by eventlet's own rules.
 *
 * @param mode {@code global} (everything, or everything but some), {@code partial} (only named modules),
 *     or {@code dynamic} (an argument is not a literal, so it cannot be known before run time)
 * @param patched modules patched, assuming dynamic arguments are false
 * @param notPatched modules left alone
 * @param dynamicArguments arguments whose value is only known at run time
 * @param unknownArguments keywords eventlet does not accept (it raises TypeError on them)
 */
public record MonkeyPatchDetails(
        String mode,
        List<String> patched,
        List<String> notPatched,
        List<String> dynamicArguments,
        List<String> unknownArguments) {}
