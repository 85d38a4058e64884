package org.dangjian.flow.villagehelp;

import java.util.List;
import java.util.Map;
import org.dangjian.flow.villagehelp.CommitteeView.AssignmentRow;
import org.dangjian.flow.villagehelp.CommitteeView.CategoryRow;
import org.dangjian.flow.villagehelp.CommitteeView.EventRow;
import org.dangjian.flow.villagehelp.CommitteeView.UnknownCommitteeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The committee's view of village help (also shown by /village-help.html). */
@RestController
@RequestMapping("/api/village-help/committees/{committeeId}")
class VillageHelpController {

  private final CommitteeView view;

  VillageHelpController(CommitteeView view) {
    this.view = view;
  }

  @GetMapping("/assignments")
  List<AssignmentRow> assignments(@PathVariable String committeeId,
      @RequestParam(defaultValue = "false") boolean activeOnly) {
    return view.assignments(committeeId, activeOnly);
  }

  @GetMapping("/help-cases")
  List<CategoryRow> helpCases(@PathVariable String committeeId) {
    return view.helpCaseSummary(committeeId);
  }

  /** 违规与督办记录: what went wrong or was escalated, newest first. */
  @GetMapping("/events")
  List<EventRow> events(@PathVariable String committeeId, @RequestParam(defaultValue = "false") boolean activeOnly) {
    return view.events(committeeId, activeOnly);
  }

  @ExceptionHandler(UnknownCommitteeException.class)
  ResponseEntity<Map<String, Object>> unknown(UnknownCommitteeException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
  }
}
