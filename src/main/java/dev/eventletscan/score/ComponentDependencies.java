package dev.eventletscan.score;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Criterion 2 for one component: the dependencies that use eventlet and that
 * the component's own modules import. A package that never imports
 * oslo.messaging does not wait for oslo.messaging's migration.
 */
final class ComponentDependencies {
    private final List<UsageFacts.DependencyFact> all;
    private final ProjectShape shape;

    ComponentDependencies(List<UsageFacts.DependencyFact> all, ProjectShape shape) {
        this.all = all;
        this.shape = shape;
    }

    /** @param files the component's Python files; null for a component that is not code (all dependencies count) */
    List<UsageFacts.DependencyFact> of(Set<String> files) {
        Set<String> imported = files == null ? null : shape.externalImports(files);
        if (imported == null) {
            return all;
        }
        return all.stream().filter(d -> imported.contains(importName(d.name()))).toList();
    }

    /** The module a distribution is imported as, by the usual convention: {@code oslo.messaging} as {@code oslo_messaging}. */
    static String importName(String distribution) {
        return distribution.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }
}
