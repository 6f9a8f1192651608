package dev.eventletscan.rules;

import dev.eventletscan.model.Severity;

/**
 * One detection rule, as written in a file under rules/.
 *
 * @param id stable identifier, e.g. {@code EVT101}
 * @param weight effort points one finding of this rule costs a migration (the scoring model sums them)
 * @param message finding text; {@code {symbol}} is replaced by the matched symbol
 * @param guide link to the part of the public migration guide that covers it
 * @param source the rule file it came from, for messages
 */
public record Rule(
        String id,
        String title,
        String category,
        Severity severity,
        double weight,
        String message,
        Hints hints,
        String guide,
        String example,
        RuleMatch match,
        String source) {

    public String messageFor(String symbol) {
        return message.replace("{symbol}", symbol);
    }
}
