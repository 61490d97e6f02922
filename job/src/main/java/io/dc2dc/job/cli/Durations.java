package io.dc2dc.job.cli;

import java.time.Duration;

/** Short human-readable durations and sizes for the CLI's output ("2m 14s", "43.1 KB"). */
final class Durations {

    private Durations() {}

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return d.toMillis() + "ms";
        }
        if (s < 60) {
            long tenths = d.toMillis() / 100 % 10;
            return tenths == 0 ? s + "s" : s + "." + tenths + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m " + (s % 60) + "s";
        }
        if (s < 86400) {
            return (s / 3600) + "h " + (s % 3600 / 60) + "m";
        }
        return (s / 86400) + "d " + (s % 86400 / 3600) + "h";
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
