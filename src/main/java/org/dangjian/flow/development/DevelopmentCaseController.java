package org.dangjian.flow.development;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.dangjian.flow.audit.CaseEvent;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.development.DevelopmentCases.CaseNotFoundException;
import org.dangjian.flow.development.DevelopmentCases.WithdrawalKind;
import org.dangjian.flow.system.StepRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/development-cases")
class DevelopmentCaseController {

  record WithdrawalRequest(WithdrawalKind kind, String reason) {
  }

  record TransferRequest(String targetBranchId, String reason) {
  }

  private final DevelopmentCases cases;
  private final CaseEventLog events;
  private final IdentityService identityService;

  DevelopmentCaseController(DevelopmentCases cases, CaseEventLog events, IdentityService identityService) {
    this.cases = cases;
    this.events = events;
    this.identityService = identityService;
  }

  @PostMapping("/{caseNumber}/withdrawal")
  ResponseEntity<Void> withdraw(@PathVariable String caseNumber, @RequestBody WithdrawalRequest request) {
    cases.withdraw(caseNumber, request.kind() == null ? WithdrawalKind.APPLICANT_WITHDREW : request.kind(),
        request.reason(), currentUser());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{caseNumber}/transfer")
  ResponseEntity<Void> transfer(@PathVariable String caseNumber, @RequestBody TransferRequest request) {
    cases.transfer(caseNumber, request.targetBranchId(), request.reason(), currentUser());
    return ResponseEntity.noContent().build();
  }

  /** 违规记录: every rule violation across cases. */
  @GetMapping("/violations")
  List<CaseEvent> violations() {
    return events.ofType(CaseEventType.VIOLATION);
  }

  @ExceptionHandler(StepRefusedException.class)
  ResponseEntity<Map<String, Object>> refused(StepRefusedException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage(), "problems", e.problems()));
  }

  @ExceptionHandler(CaseNotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(CaseNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
  }

  /** The user the authentication filter logged in for this request. */
  private String currentUser() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }
}
