package org.dangjian.flow.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a benchmark run's figures in the repository ({@code benchmarks/results/}), one JSON file per run with the
 * machine, the date and the commit measured, so that a regression shows in a diff, not only in {@code target/}.
 */
public final class Results {

  static final Path DIRECTORY = Path.of("benchmarks", "results");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Results() {
  }

  /** Writes {@code <kind>-<date>-<commit>.json}; returns the file. The report's own keys come after the run's. */
  public static Path keep(String kind, Map<String, Object> report) throws IOException {
    Map<String, Object> run = new LinkedHashMap<>();
    String commit = git("rev-parse", "--short=12", "HEAD");
    run.put("commit", commit);
    // Figures of a tree with uncommitted changes do not belong to the commit named.
    run.put("uncommittedChanges", !git("status", "--porcelain", "--untracked-files=no").isEmpty());
    run.put("keptAt", LocalDateTime.now().toString());
    run.putAll(report);
    Files.createDirectories(DIRECTORY);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path file = DIRECTORY.resolve(kind + "-" + stamp + "-" + commit + ".json");
    Files.writeString(file, JSON.writeValueAsString(run) + "\n", StandardCharsets.UTF_8);
    System.out.println("benchmark: figures kept in " + file);
    return file;
  }

  private static String git(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      // Outside a git checkout (a source archive) the run is still kept, named by what git said it is not.
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "no-commit";
    } catch (IOException e) {
      return "no-commit";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "no-commit";
    }
  }
}
