package dev.eventletscan.model;

/**
 * The productivity figure the effort rests on and how well the model fits real migrations, for a reader to weigh
 * the estimate.
 *
 * @param linesPerDay changed Python lines (added plus removed) per person-day
 * @param fitError the fit's error on the calibration set, leave-one-out, in words
 */
public record ModelFit(double linesPerDay, String fitError) {}
