package org.dangjian.flow.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples the used heap every 200 ms while the benchmark runs: the peak shows whether the heap limit holds. */
public final class HeapWatch implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread sampler;
  private volatile long peakBytes;
  private volatile boolean running = true;

  public HeapWatch() {
    sampler = new Thread(() -> {
      while (running) {
        peakBytes = Math.max(peakBytes, memory.getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  public long peakMb() {
    return peakBytes / (1024 * 1024);
  }

  public long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .sum();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
