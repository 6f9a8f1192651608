package dev.eventletscan.indirect;

import dev.eventletscan.detect.python.MonkeyPatchCall;
import dev.eventletscan.parse.LogicalTokens.Kind;
import dev.eventletscan.parse.LogicalTokens.Statement;
import dev.eventletscan.parse.LogicalTokens.Token;
import dev.eventletscan.model.MonkeyPatchDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * What a monkey_patch call the indirect pass reads lexically patches: its arguments judged by the same rules as a
 * parsed call's ({@link MonkeyPatchCall#of}).
 */
final class MonkeyPatchArguments {
    private MonkeyPatchArguments() {}

    /** @param open the index of the call's opening parenthesis */
    static MonkeyPatchDetails analyse(List<Token> t, int open) {
        List<MonkeyPatchCall.Argument> out = new ArrayList<>();
        for (List<Token> a : CallTokens.arguments(t, open)) {
            String text = new Statement(0, a).text();
            if (a.size() >= 3 && a.get(0).kind() == Kind.NAME && a.get(1).is("=")) {
                Token value = a.get(2);
                Boolean literal = a.size() == 3 && value.kind() != Kind.STRING ? MonkeyPatchCall.literalBool(value.text()) : null;
                out.add(new MonkeyPatchCall.Argument(a.get(0).text(), text, literal));
            } else {
                out.add(new MonkeyPatchCall.Argument(null, text, null));
            }
        }
        return MonkeyPatchCall.of(out);
    }
}
