package dev.eventletscan.parse;

import java.util.function.Supplier;

/**
 * A value computed on first use, once, by whichever thread asks first. A
 * failure is not remembered: the next call tries again (after the user has,
 * say, fixed a library path), unlike a class-initialisation holder.
 */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private volatile T value;

    Lazy(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = compute.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
