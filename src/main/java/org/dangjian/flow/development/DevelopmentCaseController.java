package org.dangjian.flow.development;

import java.util.List;
import java.util.Map;
import org.dangjian.flow.audit.CaseEvent;
import org.dangjian.flow.audit.CaseRecords;
import org.dangjian.flow.development.DevelopmentCases.CaseNotFoundException;
import org.dangjian.flow.development.DevelopmentCases.WithdrawalKind;
import org.dangjian.flow.system.ApiError;
import org.dangjian.flow.system.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/development-cases")
class DevelopmentCaseController {

  record WithdrawalRequest(WithdrawalKind kind, String reason) {
  }

  record TransferRequest(String targetBranchId, String reason) {
  }

  private final DevelopmentCases cases;
  private final CaseRecords records;
  private final OverdueTasks overdue;
  private final CurrentUser currentUser;

  DevelopmentCaseController(DevelopmentCases cases, CaseRecords records, OverdueTasks overdue,
      CurrentUser currentUser) {
    this.cases = cases;
    this.records = records;
    this.overdue = overdue;
    this.currentUser = currentUser;
  }

  @PostMapping("/{caseNumber}/withdrawal")
  ResponseEntity<Void> withdraw(@PathVariable String caseNumber, @RequestBody WithdrawalRequest request) {
    cases.withdraw(caseNumber, request.kind() == null ? WithdrawalKind.APPLICANT_WITHDREW : request.kind(),
        request.reason(), currentUser.id());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{caseNumber}/transfer")
  ResponseEntity<Void> transfer(@PathVariable String caseNumber, @RequestBody TransferRequest request) {
    cases.transfer(caseNumber, request.targetBranchId(), request.reason(), currentUser.id());
    return ResponseEntity.noContent().build();
  }

  /** 违规记录: the rule violations of the cases the logged-in user may read. */
  @GetMapping("/violations")
  List<CaseEvent> violations() {
    return records.violations(currentUser.id());
  }

  /** 逾期待办: open steps past their due date in the cases of an organization (a committee: and below it). */
  @GetMapping("/overdue")
  OverdueTasks.Page overdue(@RequestParam String organizationId,
      @RequestParam(defaultValue = "0") int firstResult, @RequestParam(defaultValue = "50") int maxResults) {
    return overdue.list(organizationId, currentUser.id(), firstResult, maxResults);
  }

  @ExceptionHandler(OverdueTasks.InvalidPageException.class)
  ResponseEntity<Map<String, Object>> badPage(OverdueTasks.InvalidPageException e) {
    return ApiError.response(HttpStatus.BAD_REQUEST, e);
  }

  @ExceptionHandler(OverdueTasks.UnknownOrganizationException.class)
  ResponseEntity<Map<String, Object>> unknownOrganization(OverdueTasks.UnknownOrganizationException e) {
    return ApiError.response(HttpStatus.NOT_FOUND, e);
  }

  @ExceptionHandler(CaseNotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(CaseNotFoundException e) {
    return ApiError.response(HttpStatus.NOT_FOUND, e);
  }
}
