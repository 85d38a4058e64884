package org.dangjian.flow.administration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.administration.CaseColumns.CaseSheet;
import org.dangjian.flow.administration.Workbooks.DataRow;
import org.dangjian.flow.administration.Workbooks.SheetRows;
import org.dangjian.flow.development.MemberDevelopment;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.stereotype.Service;

/**
 * The template and the exports: the same sheets and columns the import reads, so that a committee's export,
 * edited and imported again, changes what was edited and nothing else. Only what the caller administers is
 * exported (an organization department its own working committee's subtree).
 */
@Service
class Exports {

  /** The sheets by their API names (?sheet=). */
  static final Map<String, String> SHEETS = Map.of("organizations", Sheets.ORGANIZATIONS, "people", Sheets.PEOPLE,
      "registry", Sheets.REGISTRY, "cases", Sheets.CASES);

  private static final int PAGE = 500;

  private final AdminAccess access;
  private final Organizations organizations;
  private final People people;
  private final Registry registry;
  private final CaseColumns caseColumns;
  private final CaseBackfill cases;
  private final RuntimeService runtime;
  private final SystemAccess system;

  Exports(AdminAccess access, Organizations organizations, People people, Registry registry, CaseColumns caseColumns,
      CaseBackfill cases, RuntimeService runtime, SystemAccess system) {
    this.access = access;
    this.organizations = organizations;
    this.people = people;
    this.registry = registry;
    this.caseColumns = caseColumns;
    this.cases = cases;
    this.runtime = runtime;
    this.system = system;
  }

  /** GET /api/admin/import-template.xlsx: the four sheets, each with its example row. */
  byte[] template() {
    access.scope();
    CaseSheet caseSheet = caseColumns.current();
    List<SheetRows> sheets = new ArrayList<>();
    for (Sheets.Sheet sheet : List.of(Sheets.organizations(), Sheets.people(), Sheets.registry(), caseSheet.sheet())) {
      sheets.add(new SheetRows(sheet, List.of(new DataRow(Sheets.FIRST_DATA_ROW, sheet.example()))));
    }
    return Workbooks.write(sheets);
  }

  /** The named sheets (all four when none is named) with what the caller administers. */
  byte[] export(List<String> sheetNames) {
    AdminAccess.Scope scope = access.scope();
    List<SheetRows> sheets = new ArrayList<>();
    for (String name : Sheets.NAMES) {
      if (!sheetNames.isEmpty() && !sheetNames.contains(name)) {
        continue;
      }
      switch (name) {
        case Sheets.ORGANIZATIONS -> sheets.add(new SheetRows(Sheets.organizations(), organizationRows()));
        case Sheets.PEOPLE -> sheets.add(new SheetRows(Sheets.people(), peopleRows()));
        case Sheets.REGISTRY -> sheets.add(new SheetRows(Sheets.registry(), registryRows(scope)));
        default -> {
          CaseSheet caseSheet = caseColumns.current();
          sheets.add(new SheetRows(caseSheet.sheet(), caseRows(scope, caseSheet)));
        }
      }
    }
    return Workbooks.write(sheets);
  }

  /**
   * GET /api/development-cases/export.xlsx: the running development cases the logged-in user may read (a branch
   * its own, a committee those of its branches), as the 在办发展党员 sheet; the engine's query under the user's own
   * authorizations decides which.
   */
  byte[] readableCases() {
    CaseSheet sheet = caseColumns.current();
    List<DataRow> rows = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<ProcessInstance> page = runtime.createProcessInstanceQuery()
          .processDefinitionKey(MemberDevelopment.PROCESS_KEY).orderByBusinessKey().asc().listPage(first, PAGE);
      for (ProcessInstance pi : page) {
        rows.add(new DataRow(Sheets.FIRST_DATA_ROW + rows.size(), cases.row(sheet, pi.getId(), pi.getBusinessKey())));
      }
      if (page.size() < PAGE) {
        return Workbooks.write(List.of(new SheetRows(sheet.sheet(), rows)));
      }
    }
  }

  private List<DataRow> organizationRows() {
    List<DataRow> rows = new ArrayList<>();
    for (Organizations.View o : organizations.list()) {
      rows.add(row(rows, "id", o.id(), "name", o.name(), "kind", o.kind(), "parentId", o.parentId(),
          "approvalPower", String.valueOf(o.approvalPower()), "status", o.status()));
    }
    return rows;
  }

  private List<DataRow> peopleRows() {
    List<DataRow> rows = new ArrayList<>();
    for (People.View p : people.list()) {
      String roles = String.join("；", p.roles().stream().map(r -> r.organizationId() + ":" + r.role()).toList());
      rows.add(row(rows, "userId", p.userId(), "name", p.name(), "phone", p.phone(), "email", p.email(),
          "roles", roles.isEmpty() ? null : roles));
    }
    return rows;
  }

  private List<DataRow> registryRows(AdminAccess.Scope scope) {
    List<DataRow> rows = new ArrayList<>();
    for (Registry.Member m : registry.all(scope::covers)) {
      // an entry a development case keeps (an applicant on the way) is exported with its case, not here
      if (m.caseNumber() != null && openCase(m.caseNumber())) {
        continue;
      }
      rows.add(row(rows, "memberNo", m.memberNo(), "name", m.name(), "gender", m.gender(),
          "birthDate", text(m.birthDate()), "idNumber", m.idNumber(), "branchId", m.branchId(),
          "partyGroup", m.partyGroup(), "status", m.status(), "fullMembershipDate", text(m.fullMembershipDate()),
          "disciplineStatus", m.disciplineStatus()));
    }
    return rows;
  }

  private boolean openCase(String caseNumber) {
    return system.call(() -> runtime.createProcessInstanceQuery().processDefinitionKey(MemberDevelopment.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).count()) > 0;
  }

  /** The running development cases of the branches the caller administers, each as the row that would import it. */
  private List<DataRow> caseRows(AdminAccess.Scope scope, CaseSheet sheet) {
    List<DataRow> rows = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      int from = first;
      List<ProcessInstance> page = system.call(() -> runtime.createProcessInstanceQuery()
          .processDefinitionKey(MemberDevelopment.PROCESS_KEY).orderByBusinessKey().asc().listPage(from, PAGE));
      for (ProcessInstance pi : page) {
        Object branch = system.call(() -> runtime.getVariable(pi.getId(), MemberDevelopment.Vars.BRANCH_ID));
        if (branch instanceof String branchId && scope.covers(branchId)) {
          Map<String, String> values = cases.row(sheet, pi.getId(), pi.getBusinessKey());
          rows.add(new DataRow(Sheets.FIRST_DATA_ROW + rows.size(), values));
        }
      }
      if (page.size() < PAGE) {
        return rows;
      }
    }
  }

  private static DataRow row(List<DataRow> rows, String... keysAndValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null && !keysAndValues[i + 1].isBlank()) {
        values.put(keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return new DataRow(Sheets.FIRST_DATA_ROW + rows.size(), values);
  }

  private static String text(java.time.LocalDate date) {
    return date == null ? null : date.toString();
  }
}
