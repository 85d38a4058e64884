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
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

  record CancellationRequest(String reason) {
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
  private final CaseRegister register;

  DevelopmentCaseController(DevelopmentCases cases, CaseRecords records, OverdueTasks overdue,
      CurrentUser currentUser, OrganizationRepository organizations, CaseAccess access, CaseRegister register) {
    this.register = register;
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

  /** 预备期内取消预备党员资格: the branch opens it; its branch meeting votes, step 24 approves (细则 Art. 32). */
  @PostMapping("/{caseNumber}/probation-cancellation")
  ResponseEntity<Void> requestProbationCancellation(@PathVariable String caseNumber,
      @RequestBody CancellationRequest request) {
    cases.requestProbationCancellation(caseNumber, request.reason(), currentUser.id());
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

  /**
   * 台账: the organization's cases, one row each, newest first; {@code state} all, open or ended; {@code q} a part of
   * the case number or the applicant's name.
   */
  @GetMapping("/register")
  CaseRegister.Page register(@RequestParam(required = false) String organizationId,
      @RequestParam(required = false) String state, @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int firstResult, @RequestParam(defaultValue = "100") int maxResults) {
    return register.list(organizationId, state, q, currentUser.id(), firstResult, maxResults);
  }

  /** The whole register as a spreadsheet (台账.xlsx). */
  @GetMapping("/register.xlsx")
  ResponseEntity<byte[]> registerXlsx(@RequestParam(required = false) String organizationId,
      @RequestParam(required = false) String state, @RequestParam(required = false) String q) {
    byte[] bytes = register.xlsx(organizationId, state, q, currentUser.id());
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(register.fileName(organizationId.strip()), StandardCharsets.UTF_8).build().toString())
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(bytes);
  }

  @ExceptionHandler(CaseRegister.InvalidRequestException.class)
  ResponseEntity<Map<String, Object>> badRegisterRequest(CaseRegister.InvalidRequestException e) {
    return ApiError.response(HttpStatus.BAD_REQUEST, e);
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
