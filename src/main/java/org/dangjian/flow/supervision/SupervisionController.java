package org.dangjian.flow.supervision;

import java.util.List;
import java.util.Map;
import org.dangjian.flow.system.ApiError;
import org.dangjian.flow.system.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 督导总览 for Cockpit's supervision plugin: read only, for supervisors (督导) and administrators. */
@RestController
@RequestMapping("/api/supervision")
class SupervisionController {

  private final Supervision supervision;
  private final CurrentUser currentUser;

  SupervisionController(Supervision supervision, CurrentUser currentUser) {
    this.supervision = supervision;
    this.currentUser = currentUser;
  }

  /** The organizations the user supervises at the top; empty for anyone who supervises nothing. */
  @GetMapping("/organizations")
  List<Supervision.OrganizationRef> organizations() {
    return supervision.supervised(currentUser.id());
  }

  @GetMapping("/overview")
  Supervision.Overview overview(@RequestParam(required = false) String organizationId) {
    return supervision.overview(organizationId, currentUser.id());
  }

  @GetMapping("/cases")
  Supervision.CasePage cases(@RequestParam(required = false) String organizationId,
      @RequestParam(defaultValue = "0") int firstResult, @RequestParam(defaultValue = "50") int maxResults) {
    return supervision.cases(organizationId, currentUser.id(), firstResult, maxResults);
  }

  @GetMapping("/task-holders")
  List<Supervision.TaskHolder> holders(@RequestParam(required = false) String processInstanceId) {
    return supervision.holders(processInstanceId, currentUser.id());
  }

  @ExceptionHandler(Supervision.UnknownCaseException.class)
  ResponseEntity<Map<String, Object>> unknownCase(Supervision.UnknownCaseException e) {
    return ApiError.response(HttpStatus.NOT_FOUND, e);
  }

  @ExceptionHandler(Supervision.InvalidRequestException.class)
  ResponseEntity<Map<String, Object>> badRequest(Supervision.InvalidRequestException e) {
    return ApiError.response(HttpStatus.BAD_REQUEST, e);
  }

  @ExceptionHandler(Supervision.UnknownOrganizationException.class)
  ResponseEntity<Map<String, Object>> unknown(Supervision.UnknownOrganizationException e) {
    return ApiError.response(HttpStatus.NOT_FOUND, e);
  }
}
