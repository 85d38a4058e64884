package org.dangjian.flow.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Response times of one kind of request, in milliseconds, and their percentiles. */
public final class Latencies {

  private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

  public void add(long nanos) {
    millis.add(nanos / 1_000_000.0);
  }

  public int count() {
    return millis.size();
  }

  /** The nearest-rank percentile (p in 0..100). */
  public double percentile(double p) {
    List<Double> sorted = new ArrayList<>(millis);
    if (sorted.isEmpty()) {
      throw new IllegalStateException("no samples");
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  public Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("samples", count());
    s.put("p50Ms", round(percentile(50)));
    s.put("p95Ms", round(percentile(95)));
    s.put("p99Ms", round(percentile(99)));
    s.put("maxMs", round(percentile(100)));
    return s;
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
