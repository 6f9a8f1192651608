package dev.eventletscan.model;

/**
 * One of the first concrete changes of the plan.
 *
 * @param phase the plan phase it belongs to (its order)
 * @param change what to do, in a sentence
 */
public record StartHere(int phase, String path, int line, String change) {}
