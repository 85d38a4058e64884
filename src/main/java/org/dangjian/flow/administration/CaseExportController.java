package org.dangjian.flow.administration;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cases a committee or a branch sees, exported in the columns of the import's 在办发展党员 sheet: what a clerk
 * keeps as a spreadsheet, and what an administrator can import elsewhere.
 */
@RestController
class CaseExportController {

  private final Exports exports;

  CaseExportController(Exports exports) {
    this.exports = exports;
  }

  @GetMapping("/api/development-cases/export.xlsx")
  ResponseEntity<byte[]> export() {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("在办发展党员.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(exports.readableCases());
  }
}
