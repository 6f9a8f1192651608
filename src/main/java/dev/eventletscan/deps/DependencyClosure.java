package dev.eventletscan.deps;

import dev.eventletscan.rules.DependencyMatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The project's direct dependencies and everything they require, transitively,
 * over the installed distributions' requirements. Extras-only requirements count
 * only when something on the way asked for that extra ({@code celery[eventlet]});
 * no other environment marker is evaluated, so a requirement for an old Python
 * is followed too (and reported as not installed when it is not).
 *
 * @param dependencies every distribution reached, sorted by normalised name
 */
public record DependencyClosure(List<Reached> dependencies) {
    public DependencyClosure {
        dependencies = List.copyOf(dependencies);
    }

    /**
     * One distribution the closure reached.
     *
     * @param name its metadata name when installed, else the name as first required
     * @param direct the project declares it itself
     * @param via the shortest chain of requirements from a direct dependency to it, both ends included
     *     ({@code [oslo.messaging, futurist]}); a direct dependency's chain is itself alone
     * @param distribution the installed distribution, or null when it is not installed
     * @param extras the extras requested of it anywhere in the closure (normalised)
     * @param marker the environment marker of the last requirement on its chain, or empty: a reason it may
     *     legitimately be missing
     */
    public record Reached(String name, String normalisedName, boolean direct, List<String> via,
            InstalledDistribution distribution, SortedSet<String> extras, String marker) {
        public Reached {
            via = List.copyOf(via);
            extras = Collections.unmodifiableSortedSet(new TreeSet<>(extras));
        }

        public boolean installed() {
            return distribution != null;
        }

        /** The chain as text, optionally after the project's name: {@code nova -> oslo.messaging -> futurist}. */
        public String path(String projectName) {
            List<String> parts = new ArrayList<>();
            if (projectName != null && !projectName.isBlank()
                    && !DependencyMatch.normalise(projectName).equals(DependencyMatch.normalise(via.getFirst()))) {
                parts.add(projectName);
            }
            parts.addAll(via);
            return String.join(" -> ", parts);
        }
    }

    public Optional<Reached> find(String name) {
        String n = DependencyMatch.normalise(name);
        return dependencies.stream().filter(r -> r.normalisedName().equals(n)).findFirst();
    }

    public List<Reached> installed() {
        return dependencies.stream().filter(Reached::installed).toList();
    }

    public List<Reached> notInstalled() {
        return dependencies.stream().filter(r -> !r.installed()).toList();
    }

    /**
     * @param directRequirements the project's declared dependencies: PEP 508 text ({@code oslo.messaging>=14},
     *     {@code celery[eventlet]}) or bare names; lines that name nothing are passed over
     * @param installed what is installed (one per normalised name; a later duplicate is ignored)
     */
    public static DependencyClosure compute(List<String> directRequirements, List<InstalledDistribution> installed) {
        Map<String, InstalledDistribution> byName = new HashMap<>();
        for (InstalledDistribution d : installed) {
            byName.putIfAbsent(d.normalisedName(), d);
        }
        Map<String, DistRequirement> direct = new LinkedHashMap<>();
        for (String text : directRequirements) {
            DistRequirement.parse(text).ifPresent(r -> direct.merge(r.normalisedName(), r, DependencyClosure::mergeExtras));
        }

        // 1. which extras each reached distribution is asked for: a fixed point, since an extra can switch on
        //    requirements that ask for further extras
        Map<String, SortedSet<String>> extras = new TreeMap<>();
        Deque<String> work = new ArrayDeque<>();
        Set<String> queued = new HashSet<>(); // what work holds: a deque's contains() made 100,000 requirements quadratic
        for (DistRequirement r : direct.values()) {
            extras.put(r.normalisedName(), new TreeSet<>(r.extras()));
            if (queued.add(r.normalisedName())) {
                work.add(r.normalisedName());
            }
        }
        while (!work.isEmpty()) {
            String n = work.poll();
            queued.remove(n);
            InstalledDistribution d = byName.get(n);
            if (d == null) {
                continue;
            }
            for (DistRequirement r : d.requires()) {
                if (!r.appliesWith(extras.get(n))) {
                    continue;
                }
                boolean fresh = !extras.containsKey(r.normalisedName());
                boolean grown = extras.computeIfAbsent(r.normalisedName(), k -> new TreeSet<>()).addAll(r.extras());
                if ((fresh || grown) && queued.add(r.normalisedName())) {
                    work.add(r.normalisedName());
                }
            }
        }

        // 2. shortest chains by breadth-first search over the requirements that apply
        Map<String, Step> steps = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (DistRequirement r : direct.values()) {
            steps.put(r.normalisedName(), new Step(null, r));
            queue.add(r.normalisedName());
        }
        while (!queue.isEmpty()) {
            String n = queue.poll();
            InstalledDistribution d = byName.get(n);
            if (d == null) {
                continue;
            }
            for (DistRequirement r : d.requires()) {
                if (r.appliesWith(extras.get(n)) && !steps.containsKey(r.normalisedName())) {
                    steps.put(r.normalisedName(), new Step(n, r));
                    queue.add(r.normalisedName());
                }
            }
        }

        List<Reached> out = new ArrayList<>();
        for (Map.Entry<String, Step> e : new TreeMap<>(steps).entrySet()) {
            String n = e.getKey();
            Step step = e.getValue();
            List<String> via = new ArrayList<>();
            for (String at = n; at != null; at = steps.get(at).from()) {
                via.addFirst(displayName(at, steps.get(at).requirement(), byName));
            }
            out.add(new Reached(displayName(n, step.requirement(), byName), n, direct.containsKey(n), via,
                    byName.get(n), extras.getOrDefault(n, new TreeSet<>()), step.requirement().marker()));
        }
        return new DependencyClosure(out);
    }

    /** Every installed distribution as a direct dependency of its own: "which of these use eventlet?". */
    public static DependencyClosure ofAllInstalled(List<InstalledDistribution> installed) {
        return compute(installed.stream().map(InstalledDistribution::name).toList(), installed);
    }

    private static String displayName(String normalised, DistRequirement requirement, Map<String, InstalledDistribution> byName) {
        InstalledDistribution d = byName.get(normalised);
        return d != null ? d.name() : requirement.name();
    }

    /** How the search first reached a distribution: from which one, by which requirement. */
    private record Step(String from, DistRequirement requirement) {}

    /** The same distribution declared twice ({@code celery}, {@code celery[eventlet]}): the extras add up. */
    private static DistRequirement mergeExtras(DistRequirement a, DistRequirement b) {
        SortedSet<String> all = new TreeSet<>(a.extras());
        all.addAll(b.extras());
        return new DistRequirement(a.name(), a.normalisedName(), all, a.marker(), a.onlyForExtras());
    }
}
