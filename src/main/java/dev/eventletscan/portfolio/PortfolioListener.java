package dev.eventletscan.portfolio;

/** Hears each repository start and finish, from the scanning threads. */
public interface PortfolioListener {
    PortfolioListener NONE = new PortfolioListener() {};

    default void started(RepositorySource source) {}

    /** @param fromCache the whole result was read back from the cache: nothing had changed */
    default void finished(RepositoryEntry entry, long millis) {}
}
