package dev.eventletscan.portfolio;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.api.Version;
import dev.eventletscan.model.ToolInfo;
import dev.eventletscan.report.JsonRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The portfolio's entry points: build one from repositories, and join shards built apart. */
public final class Portfolio {
    /** Reads our JSON reports back: a report leaves empty lists out (NON_EMPTY), the records want them empty. */
    static final ObjectMapper READER = reader();

    private static ObjectMapper reader() {
        ObjectMapper m = JsonRenderer.mapper().copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        for (Class<?> c : List.of(List.class, java.util.Map.class, java.util.SortedMap.class)) {
            m.configOverride(c).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        }
        return m;
    }

    private Portfolio() {}

    /** Scans the request's share of the sources and assembles the report. */
    public static PortfolioReport build(Scanner scanner, PortfolioRequest request, List<RepositorySource> sources,
            PortfolioReport previous, PortfolioListener listener) {
        List<RepositorySource> share = request.shard() == null ? sources : request.shard().of(sources);
        List<RepositoryEntry> rows = new PortfolioScanner(scanner, request).scan(share, listener);
        return new PortfolioAssembler(ReadinessBase.shipped()).assemble(tool(scanner), options(request, previous != null),
                request.teams(), rows, previous, request.shard());
    }

    /**
     * Joins the JSON reports of every shard of one portfolio into the report a single run gives.
     *
     * @throws IllegalArgumentException when the shards are not all of one portfolio, or one is missing or repeated
     */
    public static PortfolioReport merge(List<PortfolioReport> shards, PortfolioReport previous) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("portfolio merge needs the shards' JSON reports");
        }
        PortfolioReport first = shards.getFirst();
        Set<Integer> seen = new TreeSet<>();
        List<RepositoryEntry> rows = new ArrayList<>();
        for (PortfolioReport s : shards) {
            if (s.shard() == null) {
                throw new IllegalArgumentException("a report without --shard is a whole portfolio, not a shard");
            }
            if (s.shard().count() != first.shard().count()) {
                throw new IllegalArgumentException("shards of different splits: " + first.shard().label() + " and " + s.shard().label());
            }
            if (!s.options().equals(first.options()) || !s.teams().equals(first.teams()) || !s.tool().equals(first.tool())) {
                throw new IllegalArgumentException("shard " + s.shard().label() + " was made with other options, teams or tool version than shard "
                        + first.shard().label());
            }
            if (!seen.add(s.shard().index())) {
                throw new IllegalArgumentException("shard " + s.shard().label() + " given twice");
            }
            rows.addAll(s.repositories());
        }
        if (seen.size() != first.shard().count()) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= first.shard().count(); i++) {
                if (!seen.contains(i)) {
                    missing.add(i);
                }
            }
            throw new IllegalArgumentException("missing shard(s) " + missing + " of " + first.shard().count());
        }
        PortfolioReport.Options options = new PortfolioReport.Options(first.options().sitePackages(), first.options().extraRuleFiles(),
                first.options().disabledRules(), first.options().historyPoints(), previous != null);
        return new PortfolioAssembler(ReadinessBase.shipped()).assemble(first.tool(), options, new Teams(first.teams()), rows,
                previous, null);
    }

    /** A portfolio JSON report read back (a shard, or an earlier report for the change column). */
    public static PortfolioReport read(Path file) throws IOException {
        if (Files.size(file) > PortfolioScanner.REPORT_BYTES) {
            throw new IllegalArgumentException(file + ": larger than " + (PortfolioScanner.REPORT_BYTES >> 20) + " MiB");
        }
        try (InputStream in = Files.newInputStream(file)) {
            PortfolioReport r = READER.readValue(in, PortfolioReport.class);
            if (r == null || r.repositories() == null || r.tool() == null) {
                throw new IllegalArgumentException(file + ": not a portfolio JSON report");
            }
            return r;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": not a portfolio JSON report: " + e.getOriginalMessage());
        }
    }

    static ToolInfo tool(Scanner scanner) {
        return new ToolInfo("eventlet-scan", Version.get(), PortfolioAssembler.SCHEMA_VERSION, scanner.rules().version());
    }

    private static PortfolioReport.Options options(PortfolioRequest r, boolean previous) {
        var t = r.template();
        return new PortfolioReport.Options(t.sitePackages().stream().map(Path::toString).toList(),
                t.extraRules().stream().map(Path::toString).toList(), t.disabled(), r.historyPoints(), previous);
    }
}
