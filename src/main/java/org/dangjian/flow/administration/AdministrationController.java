package org.dangjian.flow.administration;

import java.util.List;
import java.util.Map;
import org.dangjian.flow.system.ApiError;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 管理: organizations, people and roles, the member registry, the holiday calendar and the rule set, and the change
 * log, under /api/admin.
 */
@RestController
@RequestMapping("/api/admin")
class AdministrationController {

  record NameRequest(String name) {
  }

  record ParentRequest(String parentId) {
  }

  record KindRequest(String kind, Boolean approvalPower) {
  }

  private final Organizations organizations;
  private final People people;
  private final Registry registry;
  private final CalendarAndRuleSet settings;
  private final ChangeLog log;
  private final AdminAccess access;
  private final Imports imports;
  private final Exports exports;

  AdministrationController(Organizations organizations, People people, Registry registry,
      CalendarAndRuleSet settings, ChangeLog log, AdminAccess access, Imports imports, Exports exports) {
    this.organizations = organizations;
    this.people = people;
    this.registry = registry;
    this.settings = settings;
    this.log = log;
    this.access = access;
    this.imports = imports;
    this.exports = exports;
  }

  // ---- 组织

  @GetMapping("/organizations")
  List<Organizations.View> organizations() {
    return organizations.list();
  }

  @PostMapping("/organizations")
  ResponseEntity<Organizations.View> create(@RequestBody Organizations.NewOrganization request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(organizations.create(request));
  }

  @PutMapping("/organizations/{id}/name")
  Organizations.View rename(@PathVariable String id, @RequestBody NameRequest request) {
    return organizations.rename(id, request.name());
  }

  @PutMapping("/organizations/{id}/parent")
  Organizations.View move(@PathVariable String id, @RequestBody ParentRequest request) {
    return organizations.move(id, request.parentId());
  }

  @PutMapping("/organizations/{id}/kind")
  Organizations.View setKind(@PathVariable String id, @RequestBody KindRequest request) {
    return organizations.setKind(id, request.kind(), request.approvalPower());
  }

  @PostMapping("/organizations/{id}/close")
  Organizations.View close(@PathVariable String id) {
    return organizations.close(id);
  }

  @PostMapping("/organizations/{id}/reopen")
  Organizations.View reopen(@PathVariable String id) {
    return organizations.reopen(id);
  }

  // ---- 人员与岗位

  record IdentitySource(boolean directory, String note) {
  }

  /** Whether users and roles come from a directory (LDAP): the page then shows them and offers no change. */
  @GetMapping("/identity")
  IdentitySource identity() {
    access.scope();
    boolean directory = people.fromDirectory();
    return new IdentitySource(directory, directory ? People.DIRECTORY_MANAGED : null);
  }

  @GetMapping("/users")
  List<People.View> users() {
    return people.list();
  }

  @PostMapping("/users")
  ResponseEntity<People.View> createUser(@RequestBody People.UserRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(people.create(request));
  }

  @PutMapping("/users/{userId}")
  People.View updateUser(@PathVariable String userId, @RequestBody People.UserRequest request) {
    return people.update(userId, request);
  }

  @PostMapping("/users/{userId}/roles")
  People.View grant(@PathVariable String userId, @RequestBody People.RoleRequest request) {
    return people.grant(userId, request);
  }

  @DeleteMapping("/users/{userId}/roles/{organizationId}/{role}")
  People.View withdraw(@PathVariable String userId, @PathVariable String organizationId, @PathVariable String role) {
    return people.withdraw(userId, organizationId, role);
  }

  // ---- 党员名册

  @GetMapping("/members")
  List<Registry.Member> members(@RequestParam String branchId) {
    return registry.list(branchId);
  }

  @PostMapping("/members")
  ResponseEntity<Registry.Member> createMember(@RequestBody Registry.MemberRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(registry.create(request));
  }

  @PutMapping("/members/{memberNo}")
  Registry.Member updateMember(@PathVariable String memberNo, @RequestBody Registry.MemberRequest request) {
    return registry.update(memberNo, request);
  }

  // ---- 导入与导出

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  @GetMapping("/import-template.xlsx")
  ResponseEntity<byte[]> template() {
    return workbook(exports.template(), "导入模板.xlsx");
  }

  /**
   * The workbook checked and, unless a dry run, imported. 200 with the counts when it had no problem; 400 with
   * every problem (sheet, row, column, message) and nothing changed when it had one.
   */
  @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> importWorkbook(@RequestParam(defaultValue = "true") boolean dryRun,
      @RequestPart("file") MultipartFile file) throws java.io.IOException {
    Imports.Result result = imports.run(file.getOriginalFilename(), file.getBytes(), dryRun);
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    if (!result.problems().isEmpty()) {
      body.putAll(ApiError.body("ImportProblems", "导入未执行：工作簿有" + result.problems().size()
          + "个问题，未作任何修改", null));
    }
    body.put("dryRun", result.dryRun());
    body.put("applied", result.applied());
    body.put("fileName", result.fileName());
    body.put("counts", result.counts());
    body.put("problems", result.problems());
    body.put("cases", result.cases());
    return result.problems().isEmpty() ? ResponseEntity.ok(body) : ResponseEntity.badRequest().body(body);
  }

  /** ?sheet=organizations|people|registry|cases (repeatable); all four when none is named. */
  @GetMapping("/export.xlsx")
  ResponseEntity<byte[]> export(@RequestParam(name = "sheet", required = false) List<String> sheets) {
    List<String> names = new java.util.ArrayList<>();
    for (String sheet : sheets == null ? List.<String>of() : sheets) {
      String name = Exports.SHEETS.get(sheet);
      if (name == null) {
        throw new AdminRefusal.InvalidInput("sheet", "参数 sheet 的值“" + sheet + "”无效，应为以下之一："
            + String.join("、", new java.util.TreeSet<>(Exports.SHEETS.keySet())));
      }
      names.add(name);
    }
    return workbook(exports.export(names), "导出.xlsx");
  }

  private static ResponseEntity<byte[]> workbook(byte[] bytes, String fileName) {
    return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(bytes);
  }

  // ---- 节假日与规则

  @GetMapping("/calendar/{year}")
  CalendarAndRuleSet.YearView calendarYear(@PathVariable String year) {
    return settings.year(year);
  }

  @PutMapping("/calendar/{year}")
  CalendarAndRuleSet.YearView saveCalendarYear(@PathVariable String year,
      @RequestBody(required = false) CalendarAndRuleSet.YearRequest request) {
    return settings.saveYear(year, request);
  }

  @GetMapping("/rule-set")
  CalendarAndRuleSet.RuleSetView ruleSet() {
    return settings.ruleSet();
  }

  @PutMapping("/rule-set")
  CalendarAndRuleSet.RuleSetView saveRuleSet(@RequestBody(required = false) CalendarAndRuleSet.RuleSetRequest request) {
    return settings.saveRuleSet(request);
  }

  // ---- 变更记录

  @GetMapping("/change-log")
  ChangeLog.Page changeLog(@RequestParam(defaultValue = "0") int firstResult,
      @RequestParam(defaultValue = "50") int maxResults) {
    return log.page(access.scope(), firstResult, maxResults);
  }

  @ExceptionHandler(AdminRefusal.InvalidInput.class)
  ResponseEntity<Map<String, Object>> invalid(AdminRefusal.InvalidInput e) {
    Map<String, Object> body = ApiError.body("InvalidInput", e.getMessage(), "field: " + e.field);
    body.put("field", e.field);
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler(AdminRefusal.NotFound.class)
  ResponseEntity<Map<String, Object>> notFound(AdminRefusal.NotFound e) {
    return ApiError.response(HttpStatus.NOT_FOUND, "NotFound", e.getMessage(), null);
  }

  @ExceptionHandler(AdminRefusal.Conflict.class)
  ResponseEntity<Map<String, Object>> conflict(AdminRefusal.Conflict e) {
    Map<String, Object> body = ApiError.body("Conflict", e.getMessage(), null);
    if (!e.cases.isEmpty()) {
      body.put("cases", e.cases);
    }
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }
}
