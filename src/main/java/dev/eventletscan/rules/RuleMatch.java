package dev.eventletscan.rules;

/**
 * What a rule matches. Each rule has exactly one kind of match, chosen by the
 * key its {@code match:} mapping uses: {@code symbols} (resolved eventlet names
 * in Python code), {@code query} (a tree-sitter query over Python code),
 * {@code text} (a regular expression over lines of other files) or
 * {@code dependencies} (declared package requirements) or {@code analysis} (a named analysis of the scanner).
 */
public sealed interface RuleMatch permits SymbolMatch, QueryMatch, TextMatch, DependencyMatch, AnalysisMatch {
    /** One line for {@code explain}: what the rule looks for. */
    String describe();
}
