package org.dangjian.flow.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the figures came from: CPU, memory, Java and its heap limit. */
public final class Machine {

  private Machine() {
  }

  public static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-Xm") || a.startsWith("-XX")).toList());
    m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    return m;
  }

  private static String firstValue(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.stream().filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
