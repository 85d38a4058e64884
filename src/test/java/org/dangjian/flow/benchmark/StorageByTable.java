package org.dangjian.flow.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a case costs on disk, table by table (issue 18: "measured as bytes per case by table"), on PostgreSQL.
 *
 * <p>Two views, because they answer different questions. The whole table (heap, TOAST and indexes, {@code
 * pg_total_relation_size}) divided by the cases is what the database grows by per case, but a generated case's
 * history is shorter than a real one's (it was moved to its step, not walked). The rows of one case walked
 * through every step ({@code pg_column_size} of its rows, without page and index overhead) are what a real case
 * leaves, table by table, and what storing a value once instead of twice would save.
 */
public final class StorageByTable {

  /** The engine's tables a case writes to, and ours. */
  static final List<String> TABLES = List.of("act_ru_execution", "act_ru_task", "act_ru_variable", "act_ru_job",
      "act_ru_identitylink", "act_ru_authorization", "act_ru_meter_log", "act_ge_bytearray", "act_hi_procinst",
      "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail", "act_hi_identitylink",
      "act_hi_op_log", "act_hi_job_log", "act_hi_comment", "case_event", "case_record_archive");

  /** How each table's rows name their case ({@code IN} takes the case's process instances). */
  private static final Map<String, String> CASE_ROWS = Map.ofEntries(
      Map.entry("act_ru_execution", "proc_inst_id_ in (IN)"), Map.entry("act_ru_task", "proc_inst_id_ in (IN)"),
      Map.entry("act_ru_variable", "proc_inst_id_ in (IN)"), Map.entry("act_ru_job", "process_instance_id_ in (IN)"),
      Map.entry("act_ru_identitylink", "task_id_ in (select id_ from act_ru_task where proc_inst_id_ in (IN))"),
      Map.entry("act_ru_authorization",
          "resource_id_ in (IN) or resource_id_ in (select id_ from act_ru_task where proc_inst_id_ in (IN))"),
      Map.entry("act_ge_bytearray", "id_ in (select bytearray_id_ from act_ru_variable where proc_inst_id_ in (IN)"
          + " union select bytearray_id_ from act_hi_varinst where proc_inst_id_ in (IN)"
          + " union select bytearray_id_ from act_hi_detail where proc_inst_id_ in (IN))"),
      Map.entry("act_hi_procinst", "proc_inst_id_ in (IN)"), Map.entry("act_hi_actinst", "proc_inst_id_ in (IN)"),
      Map.entry("act_hi_taskinst", "proc_inst_id_ in (IN)"), Map.entry("act_hi_varinst", "proc_inst_id_ in (IN)"),
      Map.entry("act_hi_detail", "proc_inst_id_ in (IN)"),
      Map.entry("act_hi_identitylink", "root_proc_inst_id_ in (IN)"), Map.entry("act_hi_op_log", "proc_inst_id_ in (IN)"),
      Map.entry("act_hi_job_log", "process_instance_id_ in (IN)"), Map.entry("act_hi_comment", "proc_inst_id_ in (IN)"),
      Map.entry("case_event", "process_instance_id in (IN)"),
      Map.entry("case_record_archive", "process_instance_id in (IN)"));

  private StorageByTable() {
  }

  /** Bytes per case of each table (and in all), over every case the database holds. */
  public static Map<String, Object> perCase(JdbcTemplate jdbc, long cases) {
    Map<String, Object> tables = new LinkedHashMap<>();
    long total = 0;
    for (String table : existing(jdbc)) {
      long bytes = jdbc.queryForObject("select pg_total_relation_size(?::regclass)", Long.class, table);
      long rows = jdbc.queryForObject("select count(*) from " + table, Long.class);
      total += bytes;
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("rows", rows);
      t.put("bytes", bytes);
      t.put("rowsPerCase", Math.round(rows * 10.0 / Math.max(1, cases)) / 10.0);
      t.put("bytesPerCase", bytes / Math.max(1, cases));
      tables.put(table, t);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("cases", cases);
    result.put("bytesPerCase", total / Math.max(1, cases));
    result.put("tables", tables);
    return result;
  }

  /**
   * One case's own rows (its process instance and any it called), table by table: how many, and their bytes as
   * stored in the row ({@code pg_column_size}; large values moved to TOAST count with their compressed size).
   * Authorizations name their case by resource id, byte arrays by the variables and details that point at them.
   */
  public static Map<String, Object> ofCase(JdbcTemplate jdbc, String processInstanceId) {
    List<String> instances = jdbc.queryForList("select proc_inst_id_ from act_hi_procinst where proc_inst_id_ = ?"
        + " or super_process_instance_id_ = ?", String.class, processInstanceId, processInstanceId);
    String in = String.join(",", instances.stream().map(id -> "'" + id.replace("'", "") + "'").toList());
    Map<String, Object> tables = new LinkedHashMap<>();
    long total = 0;
    List<String> present = existing(jdbc);
    for (String table : TABLES) {
      String rows = CASE_ROWS.get(table);
      if (rows != null && present.contains(table)) {
        total += add(tables, table, jdbc.queryForMap("select count(*) as n, coalesce(sum(pg_column_size(t.*)), 0)"
            + " as b from " + table + " t where " + rows.replace("IN", in)));
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("processInstances", instances.size());
    result.put("rowBytes", total);
    result.put("tables", tables);
    return result;
  }

  private static long add(Map<String, Object> tables, String table, Map<String, Object> row) {
    long rows = ((Number) row.get("n")).longValue();
    long bytes = ((Number) row.get("b")).longValue();
    if (rows > 0) {
      tables.put(table, Map.of("rows", rows, "rowBytes", bytes));
    }
    return bytes;
  }

  private static List<String> existing(JdbcTemplate jdbc) {
    List<String> present = jdbc.queryForList("select table_name from information_schema.tables"
        + " where table_schema = current_schema()", String.class);
    return TABLES.stream().filter(present::contains).toList();
  }
}
