package org.dangjian.flow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
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
  void keep(CaseRecord record, Timestamp endTime) {
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
        + " archived_at, record_json) values (?, ?, ?, ?, ?, ?)", record.processInstanceId(), record.caseNumber(),
        record.processKey(), endTime, new Timestamp(ClockUtil.getCurrentTime().getTime()), text);
  }

  Optional<CaseRecord> byProcessInstance(String processInstanceId) {
    return first(jdbc.queryForList("select record_json from case_record_archive where process_instance_id = ?",
        String.class, processInstanceId));
  }

  Optional<CaseRecord> byCaseNumber(String caseNumber) {
    return first(jdbc.queryForList("select record_json from case_record_archive where case_number = ?"
        + " order by end_time desc", String.class, caseNumber));
  }

  private Optional<CaseRecord> first(List<String> texts) {
    if (texts.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(texts.get(0), CaseRecord.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("归档记录无法读取", e);
    }
  }
}
