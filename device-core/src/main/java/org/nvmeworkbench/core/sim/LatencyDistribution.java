package org.nvmeworkbench.core.sim;

import java.util.SplittableRandom;

/**
 * A latency with a body and a tail: a lognormal body around {@code medianNanos} with shape
 * {@code sigma}, and with probability {@code tailProbability} a multiplier drawn uniformly from
 * {@code tailMin..tailMax} (garbage collection, read retry, a die busy with an erase). Drawing
 * allocates nothing.
 */
public record LatencyDistribution(long medianNanos, double sigma, double tailProbability, double tailMin,
                                  double tailMax) {

    public static final LatencyDistribution ZERO = new LatencyDistribution(0, 0, 0, 1, 1);

    public LatencyDistribution {
        if (medianNanos < 0 || sigma < 0 || tailProbability < 0 || tailProbability > 1 || tailMin < 1
                || tailMax < tailMin) {
            throw new IllegalArgumentException("A latency needs median >= 0, sigma >= 0, tail probability 0..1"
                    + " and tail multipliers 1 <= min <= max.");
        }
    }

    public long sample(SplittableRandom random) {
        if (medianNanos == 0) {
            return 0;
        }
        double x = medianNanos;
        if (sigma > 0) {
            x *= Math.exp(sigma * random.nextGaussian());
        }
        if (tailProbability > 0 && random.nextDouble() < tailProbability) {
            x *= tailMin + (tailMax - tailMin) * random.nextDouble();
        }
        return (long) x;
    }
}
