package org.dangjian.flow.development;

import java.util.List;
import java.util.Map;
import org.dangjian.flow.audit.CaseEvent;
import org.dangjian.flow.audit.CaseRecords;
import org.dangjian.flow.development.DevelopmentCases.CaseNotFoundException;
import org.dangjian.flow.development.DevelopmentCases.WithdrawalKind;
import org.dangjian.flow.organization.CaseAccess;
import org.dangjian.flow.organization.Role.CaseReading;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationRepository;
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

  /** An organization as a page offers it to choose: its name shown, its id sent. */
  record OrganizationChoice(String id, String name) {
  }

  private final DevelopmentCases cases;
  private final CaseRecords records;
  private final OverdueTasks overdue;
  private final CurrentUser currentUser;
  private final OrganizationRepository organizations;
  private final CaseAccess access;

  DevelopmentCaseController(DevelopmentCases cases, CaseRecords records, OverdueTasks overdue,
      CurrentUser currentUser, OrganizationRepository organizations, CaseAccess access) {
    this.cases = cases;
    this.records = records;
    this.overdue = overdue;
    this.currentUser = currentUser;
    this.organizations = organizations;
    this.access = access;
  }

  /**
   * 逾期待办's organizations: those whose cases the user reads in full (whose overdue list the user may see), in
   * tree order, so the page offers names rather than asking for an id.
   */
  @GetMapping("/overdue/organizations")
  List<OrganizationChoice> overdueOrganizations() {
    String userId = currentUser.id();
    List<Organization> open = organizations.findAll().stream().filter(o -> !organizations.isClosed(o.id())).toList();
    return access.organizationsRead(userId, open, CaseReading.FULL).stream()
        .map(o -> new OrganizationChoice(o.id(), o.name())).toList();
  }

  /**
   * The branches a case may move to (组织关系转接): every open branch of the tree, whichever committee it is under
   * (细则 §12 lets a case move anywhere); names of branches are no secret, and the transfer itself checks the user.
   */
  @GetMapping("/transfer/branches")
  List<OrganizationChoice> transferBranches() {
    return organizations.findBranches().stream().filter(o -> !organizations.isClosed(o.id()))
        .map(o -> new OrganizationChoice(o.id(), o.name())).toList();
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
