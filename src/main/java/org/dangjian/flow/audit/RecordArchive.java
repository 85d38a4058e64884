package org.dangjian.flow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The permanent archive of finished cases' records (case_record_archive). Insert-only: there is no update and
 * no delete here or anywhere else, so an archived record cannot be edited by any role.
 */
@Repository
class RecordArchive {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  RecordArchive(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  boolean contains(String processInstanceId) {
    Integer n = jdbc.queryForObject("select count(*) from case_record_archive where process_instance_id = ?",
        Integer.class, processInstanceId);
    return n != null && n > 0;
  }

  /** Keeps the record unless one is kept already (the first archived record of a case stands). */
  void keep(CaseRecord record, Timestamp endTime, List<String> readerGroups) {
    if (contains(record.processInstanceId())) {
      return;
    }
    String text;
    try {
      text = json.writeValueAsString(record.from(CaseRecord.FROM_ARCHIVE));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    jdbc.update("insert into case_record_archive (process_instance_id, case_number, process_key, end_time,"
        + " archived_at, record_json, reader_groups) values (?, ?, ?, ?, ?, ?, ?)", record.processInstanceId(),
        record.caseNumber(), record.processKey(), endTime, new Timestamp(ClockUtil.getCurrentTime().getTime()), text,
        String.join(",", readerGroups));
  }

  /** An archived record with the groups that may read it. */
  record Archived(CaseRecord record, List<String> readerGroups) {
  }

  Optional<Archived> byProcessInstance(String processInstanceId) {
    return first(jdbc.queryForList("select record_json, reader_groups from case_record_archive"
        + " where process_instance_id = ?", processInstanceId));
  }

  Optional<Archived> byCaseNumber(String caseNumber) {
    return first(jdbc.queryForList("select record_json, reader_groups from case_record_archive where case_number = ?"
        + " order by end_time desc", caseNumber));
  }

  /** The readers kept with an archived case, if it is archived. */
  Optional<List<String>> readersOf(String processInstanceId) {
    return jdbc.queryForList("select reader_groups from case_record_archive where process_instance_id = ?",
        String.class, processInstanceId).stream().findFirst().map(RecordArchive::groups);
  }

  private Optional<Archived> first(List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = rows.get(0);
    try {
      return Optional.of(new Archived(json.readValue((String) row.get("record_json"), CaseRecord.class),
          groups((String) row.get("reader_groups"))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("归档记录无法读取", e);
    }
  }

  private static List<String> groups(String text) {
    return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
  }
}
