package dev.eventletscan.parse;

/**
 * One match of a {@link SyntaxQuery}: where its {@code @match} capture lies
 * and the text of its {@code @symbol} capture (null when it has none).
 */
public record QueryHit(String key, int startByte, int endByte, String symbol) {}
