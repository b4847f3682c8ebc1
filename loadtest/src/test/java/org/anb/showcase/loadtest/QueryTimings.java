package org.anb.showcase.loadtest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Times one prepared query as the API runs it (every row read), for the SQL benchmarks' Markdown tables. */
final class QueryTimings {
    private QueryTimings() {
    }

    /** Milliseconds of each of {@code runs} executions after {@code warmup} untimed ones, sorted. */
    static List<Double> sorted(PreparedStatement ps, int warmup, int runs) throws SQLException {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
            if (i >= warmup) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(millis);
        return millis;
    }

    static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    static double p95(List<Double> sorted) {
        return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
    }
}
