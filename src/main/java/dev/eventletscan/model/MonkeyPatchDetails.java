package dev.eventletscan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param conditions the source of the {@code if}/{@code elif} conditions the call runs under in its function
 *     ({@code not <condition>} for an {@code else} branch), outermost first; empty when it always runs there
 */
public record MonkeyPatchDetails(
        String mode,
        List<String> patched,
        List<String> notPatched,
        List<String> dynamicArguments,
        List<String> unknownArguments,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> conditions) {
    public MonkeyPatchDetails {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public MonkeyPatchDetails(String mode, List<String> patched, List<String> notPatched, List<String> dynamicArguments,
            List<String> unknownArguments) {
        this(mode, patched, notPatched, dynamicArguments, unknownArguments, List.of());
    }

    public MonkeyPatchDetails withConditions(List<String> newConditions) {
        return new MonkeyPatchDetails(mode, patched, notPatched, dynamicArguments, unknownArguments, newConditions);
    }
}
