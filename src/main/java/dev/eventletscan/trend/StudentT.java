package dev.eventletscan.trend;

/** The 97.5th percentile of Student's t distribution: the half-width factor of a two-sided 95% interval. */
final class StudentT {
    /** For 1 to 30 degrees of freedom (standard tables, three decimals). */
    private static final double[] SMALL = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};
    /** Beyond 30: 40, 60, 120 and infinity, interpolated linearly in 1/df as tables advise. */
    private static final int[] LARGE_DF = {30, 40, 60, 120};
    private static final double[] LARGE = {2.042, 2.021, 2.000, 1.980};
    private static final double NORMAL = 1.960;

    private StudentT() {}

    static double quantile975(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be 1 or more, was " + degreesOfFreedom);
        }
        if (degreesOfFreedom <= SMALL.length) {
            return SMALL[degreesOfFreedom - 1];
        }
        double inv = 1.0 / degreesOfFreedom;
        for (int i = 0; i < LARGE_DF.length - 1; i++) {
            if (degreesOfFreedom <= LARGE_DF[i + 1]) {
                return interpolate(inv, 1.0 / LARGE_DF[i], LARGE[i], 1.0 / LARGE_DF[i + 1], LARGE[i + 1]);
            }
        }
        return interpolate(inv, 1.0 / LARGE_DF[LARGE_DF.length - 1], LARGE[LARGE.length - 1], 0, NORMAL);
    }

    private static double interpolate(double x, double x0, double y0, double x1, double y1) {
        return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
    }
}
