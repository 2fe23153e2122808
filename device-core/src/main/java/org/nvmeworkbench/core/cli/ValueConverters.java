package org.nvmeworkbench.core.cli;

import java.util.Set;
import java.util.TreeSet;

import org.nvmeworkbench.core.fiojob.FioUnits;
import org.nvmeworkbench.core.spec.InterruptCoalescing;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for fio's and nvme-cli's value syntax; a TypeConversionException's message is
 * what picocli prints after "Invalid value for option '--x': ".
 */
final class ValueConverters {
    private ValueConverters() {
    }

    /** "4k", "64KiB": bytes, at most 2 GiB. */
    static final class Size implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long n = wrap(() -> FioUnits.parseSize(value));
            if (n > Integer.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' is more than 2 GiB.");
            }
            return (int) n;
        }
    }

    /** "2s", "500ms", "100us". */
    static final class Time implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wrap(() -> FioUnits.parseTimeNanos(value));
        }
    }

    /** Decimal or 0x hex, as nvme-cli takes -v and --cdw11. */
    static final class Number implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wrap(() -> FioUnits.parseInteger(value));
        }
    }

    /** "THR,TIME", the raw spec fields of Feature 08h. */
    static final class Coalesce implements ITypeConverter<InterruptCoalescing> {
        @Override
        public InterruptCoalescing convert(String value) {
            String[] parts = value.split(",");
            if (parts.length != 2) {
                throw new TypeConversionException("'" + value + "' is not THR,TIME: give the two raw 08h fields, e.g. 7,2 (THR 7 = 8 completions, TIME 2 = 200 us).");
            }
            long thr = wrap(() -> FioUnits.parseInteger(parts[0]));
            long time = wrap(() -> FioUnits.parseInteger(parts[1]));
            if (thr < 0 || thr > 255 || time < 0 || time > 255) {
                throw new TypeConversionException("THR and TIME are 8-bit fields (0..255), not " + thr + "," + time + ".");
            }
            return new InterruptCoalescing((int) thr, (int) time);
        }
    }

    /** "1,2": MSI-X vector indexes. */
    static final class Vectors implements ITypeConverter<Set<Integer>> {
        @Override
        public Set<Integer> convert(String value) {
            Set<Integer> out = new TreeSet<>();
            for (String p : value.split(",")) {
                if (p.isBlank()) {
                    continue;
                }
                long v = wrap(() -> FioUnits.parseInteger(p));
                if (v < 0 || v > 2047) {
                    throw new TypeConversionException("An MSI-X vector index is 0..2047, not " + v + ".");
                }
                out.add((int) v);
            }
            return out;
        }
    }

    private interface LongSupplier {
        long get();
    }

    private static long wrap(LongSupplier s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
