package org.dangjian.flow.audit;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * 补录: steps of a paper case recorded after the fact from an imported workbook. While an import replays a case
 * through the engine, the thread carries the import it comes from, so that the step rules know the importer is
 * the recorder, not the decider (the paper was signed by the branch and the committee), and the record can say
 * of each step "补录". Set only by the server's import code on its own thread: a client cannot claim it.
 */
@Repository
public class Backfill {

  /** The workbook a step came from. */
  public record Source(long importId, String importedBy, LocalDateTime importedAt, String fileName) {
  }

  private static final ThreadLocal<Source> CURRENT = new ThreadLocal<>();

  private final JdbcTemplate jdbc;

  Backfill(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public static <T> T during(Source source, Supplier<T> work) {
    Source outer = CURRENT.get();
    CURRENT.set(source);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** Whether the step being completed on this thread is being recorded from an imported workbook. */
  public static boolean active() {
    return CURRENT.get() != null;
  }

  public static Optional<Source> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** A new import, in the caller's transaction (a dry run rolls it back with everything else). */
  public long newImport(String importedBy, LocalDateTime at, String fileName, String sha256) {
    jdbc.update("insert into data_import (imported_by, imported_at, file_name, file_sha256) values (?, ?, ?, ?)",
        importedBy, Timestamp.valueOf(at), fileName, sha256);
    return jdbc.queryForObject("select max(id) from data_import where imported_by = ? and file_sha256 = ?",
        Long.class, importedBy, sha256);
  }

  public void summarize(long importId, String summary) {
    jdbc.update("update data_import set summary = ? where id = ?", summary, importId);
  }

  /** The task (or start event) of a case was recorded by the import. */
  public void recorded(long importId, String processInstanceId, String elementId) {
    jdbc.update("insert into backfilled_step (process_instance_id, element_id, import_id) values (?, ?, ?)",
        processInstanceId, elementId, importId);
  }

  /** Of one case: element id → the import it came from. */
  public Map<String, Source> stepsOf(String processInstanceId) {
    Map<String, Source> steps = new HashMap<>();
    List<Map<String, Object>> rows = jdbc.queryForList("select s.element_id, i.id, i.imported_by, i.imported_at,"
        + " i.file_name from backfilled_step s join data_import i on i.id = s.import_id"
        + " where s.process_instance_id = ?", processInstanceId);
    for (Map<String, Object> row : rows) {
      steps.put((String) row.get("element_id"), new Source(((Number) row.get("id")).longValue(),
          (String) row.get("imported_by"), ((Timestamp) row.get("imported_at")).toLocalDateTime(),
          (String) row.get("file_name")));
    }
    return steps;
  }
}
