package org.dangjian.flow.branchlife;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.dangjian.flow.branchlife.BranchMeetingsOverview.PeriodRow;
import org.dangjian.flow.branchlife.BranchMeetingsOverview.UnknownOrganizationException;
import org.dangjian.flow.organization.CaseAccess;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.Role.CaseReading;
import org.dangjian.flow.system.AccessDeniedException;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 三会一课 for the committee: starting the year for its branches, and per branch and period what was held. */
@RestController
@RequestMapping("/api/branch-meetings")
class BranchMeetingsController {

  /** checkedFromMonth optional: the first month checked for every branch (none: the month of the start). */
  record YearRequest(String committeeId, Integer year, Integer checkedFromMonth) {
  }

  private final RuntimeService runtime;
  private final BranchMeetingsOverview overview;
  private final CaseAccess access;
  private final CurrentUser currentUser;

  BranchMeetingsController(RuntimeService runtime, BranchMeetingsOverview overview, CaseAccess access,
      CurrentUser currentUser) {
    this.runtime = runtime;
    this.overview = overview;
    this.access = access;
    this.currentUser = currentUser;
  }

  /** The same as the BranchMeetingsCampaign start form in Tasklist: the year for every active branch. */
  @PostMapping("/years")
  Map<String, Object> start(@RequestBody YearRequest request) {
    ProcessInstanceWithVariables campaign;
    try {
      // as the logged-in user, with the engine's check that they may start it
      campaign = runtime.createProcessInstanceByKey(BranchMeetings.CAMPAIGN_KEY)
          .setVariable("committeeId", request.committeeId()).setVariable("year", request.year())
          .setVariable(BranchMeetings.Vars.CHECKED_FROM_MONTH, request.checkedFromMonth())
          .executeWithVariablesInReturn();
    } catch (AuthorizationException e) {
      throw new AccessDeniedException("用户 " + currentUser.id() + " 无权启动三会一课：只有党委或工委的党务工作者可以启动", e);
    }
    return Map.of("message", campaign.getVariables().get("campaignSummary"));
  }

  record CommitteeOption(String id, String name) {
  }

  /** The committees (党委, 工委) whose branches' 三会一课 the user reads: what the page offers. */
  @GetMapping("/committees")
  List<CommitteeOption> committees() {
    return access.organizationsRead(currentUser.id(), overview.committees(), CaseReading.HISTORY).stream()
        .map(o -> new CommitteeOption(o.id(), o.name())).toList();
  }

  /** Per branch of the committee and period: held against due, attendance, violations, the quarter's review. */
  @GetMapping("/committees/{committeeId}/{year}")
  List<PeriodRow> committee(@PathVariable String committeeId, @PathVariable int year) {
    checkReader(overview.committee(committeeId));
    return overview.ofCommittee(committeeId, year);
  }

  @GetMapping("/committees/{committeeId}/{year}.xlsx")
  ResponseEntity<byte[]> committeeXlsx(@PathVariable String committeeId, @PathVariable int year) {
    Organization committee = overview.committee(committeeId);
    checkReader(committee);
    byte[] bytes = overview.xlsx(committee, year, overview.ofCommittee(committeeId, year));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(committee.name() + year + "年度三会一课.xlsx", StandardCharsets.UTF_8).build().toString())
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(bytes);
  }

  /** One branch's year: for the branch itself and everyone above it who reads its cases. */
  @GetMapping("/branches/{branchId}/{year}")
  List<PeriodRow> branch(@PathVariable String branchId, @PathVariable int year) {
    checkReader(overview.branch(branchId));
    return overview.ofBranch(branchId, year);
  }

  /** The organization's own people and those above it (clerks, supervisors, auditors) read; others are refused. */
  private void checkReader(Organization organization) {
    if (!access.readsOrganization(currentUser.id(), organization.id(), CaseReading.HISTORY)) {
      throw new AccessDeniedException("无权查看“" + organization.name() + "”的三会一课：只有本组织及上级组织的相关人员可以查看");
    }
  }

  @ExceptionHandler(UnknownOrganizationException.class)
  ResponseEntity<Map<String, Object>> unknown(UnknownOrganizationException e) {
    return ApiError.response(HttpStatus.NOT_FOUND, e);
  }
}
