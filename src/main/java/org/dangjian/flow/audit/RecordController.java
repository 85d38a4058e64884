package org.dangjian.flow.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 全程纪实 of a case, by process instance id or case number (业务编号): JSON, a printable page, PDF, xlsx; and the
 * violations report (违规记录) as a page and xlsx. Read-only: there is no endpoint that changes a record.
 */
@RestController
@RequestMapping("/api/records")
class RecordController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final CaseRecords records;
  private final CaseEventLog events;
  private final RecordExports exports;

  RecordController(CaseRecords records, CaseEventLog events, RecordExports exports) {
    this.records = records;
    this.events = events;
    this.exports = exports;
  }

  @GetMapping("/violations.html")
  ResponseEntity<String> violationsPage() {
    return ResponseEntity.ok().contentType(HTML).body(RecordPage.violations(violations()));
  }

  @GetMapping("/violations.xlsx")
  ResponseEntity<byte[]> violationsXlsx() {
    return download(exports.violationsXlsx(violations()), "违规记录.xlsx", XLSX);
  }

  @GetMapping("/{ref}")
  CaseRecord record(@PathVariable String ref) {
    return find(ref);
  }

  @GetMapping("/{ref}.html")
  ResponseEntity<String> page(@PathVariable String ref) {
    return ResponseEntity.ok().contentType(HTML).body(RecordPage.render(find(ref)));
  }

  @GetMapping("/{ref}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String ref) {
    CaseRecord r = find(ref);
    return download(exports.pdf(r), fileName(r, "pdf"), MediaType.APPLICATION_PDF);
  }

  @GetMapping("/{ref}.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String ref) {
    CaseRecord r = find(ref);
    return download(exports.xlsx(r), fileName(r, "xlsx"), XLSX);
  }

  @ExceptionHandler(RecordNotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(RecordNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", e.getMessage()));
  }

  private List<CaseEvent> violations() {
    return events.ofType(CaseEventType.VIOLATION);
  }

  private CaseRecord find(String ref) {
    return records.find(ref).orElseThrow(() -> new RecordNotFoundException(ref));
  }

  private static String fileName(CaseRecord r, String ext) {
    return RecordPage.title(r) + "-" + (r.caseNumber() == null ? r.processInstanceId() : r.caseNumber()) + "." + ext;
  }

  private static ResponseEntity<byte[]> download(byte[] body, String fileName, MediaType type) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  static class RecordNotFoundException extends RuntimeException {
    RecordNotFoundException(String ref) {
      super("没有该案件的全程纪实：" + ref);
    }
  }
}
