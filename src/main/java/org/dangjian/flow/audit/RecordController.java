package org.dangjian.flow.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dangjian.flow.system.ApiError;
import org.dangjian.flow.system.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

  /** The most a page of the case list shows (the engine's query limit is higher). */
  static final int MAX_PAGE = 200;

  private final CaseRecords records;
  private final RecordExports exports;
  private final CurrentUser currentUser;

  RecordController(CaseRecords records, RecordExports exports, CurrentUser currentUser) {
    this.records = records;
    this.exports = exports;
    this.currentUser = currentUser;
  }

  /** The cases the logged-in user may read, newest first, a page at a time. */
  @GetMapping
  List<CaseRecords.CaseSummary> cases(@RequestParam(defaultValue = "0") int firstResult,
      @RequestParam(defaultValue = "50") int maxResults) {
    if (firstResult < 0 || maxResults < 1 || maxResults > MAX_PAGE) {
      throw new InvalidPageException("分页参数不正确：firstResult ≥ 0，maxResults 为 1–" + MAX_PAGE);
    }
    return records.readableCases(firstResult, maxResults);
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

  // only our own paging refusal: any other IllegalArgumentException is a fault of ours, not the client's
  @ExceptionHandler(InvalidPageException.class)
  ResponseEntity<Map<String, Object>> badRequest(InvalidPageException e) {
    return ApiError.response(HttpStatus.BAD_REQUEST, e);
  }

  @ExceptionHandler(RecordNotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(RecordNotFoundException e) {
    return ApiError.response(HttpStatus.NOT_FOUND, e);
  }

  /** The violations of the cases the logged-in user may read. */
  private List<CaseEvent> violations() {
    return records.violations(currentUser.id());
  }

  private CaseRecord find(String ref) {
    return records.find(ref, currentUser.id()).orElseThrow(() -> new RecordNotFoundException(ref));
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

  static class InvalidPageException extends RuntimeException {
    InvalidPageException(String message) {
      super(message);
    }
  }

  static class RecordNotFoundException extends RuntimeException {
    RecordNotFoundException(String ref) {
      super("没有该案件的全程纪实：" + ref);
    }
  }
}
