package org.dangjian.flow.administration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dangjian.flow.organization.Role;

/**
 * The workbook of going live (shared/spec/administration.md, "Import and export"): sheets 组织, 人员, 党员名册 and
 * 在办发展党员, row 1 the Chinese titles, row 2 the field keys, then the rows. Import, export and the template are
 * built from these definitions, so export → edit → import round-trips.
 */
final class Sheets {

  static final String ORGANIZATIONS = "组织";
  static final String PEOPLE = "人员";
  static final String REGISTRY = "党员名册";
  static final String CASES = "在办发展党员";
  static final List<String> NAMES = List.of(ORGANIZATIONS, PEOPLE, REGISTRY, CASES);

  /** The first data row (1-based, as Excel numbers rows): after the titles and the keys. */
  static final int FIRST_DATA_ROW = 3;

  enum Type {
    TEXT, DATE, INTEGER, BOOLEAN, CHOICE, CHOICES
  }

  /**
   * One column: its key (row 2), its Chinese title (row 1), how a cell is read, and for a choice the options as
   * value → Chinese label. A cell may hold the label (what the drop-down offers) or the value.
   */
  record Column(String key, String title, Type type, Map<String, String> options) {

    static Column text(String key, String title) {
      return new Column(key, title, Type.TEXT, Map.of());
    }

    static Column date(String key, String title) {
      return new Column(key, title, Type.DATE, Map.of());
    }

    static Column flag(String key, String title) {
      return new Column(key, title, Type.BOOLEAN, Map.of());
    }

    static Column choice(String key, String title, Map<String, String> options) {
      return new Column(key, title, Type.CHOICE, options);
    }

    /** The option a cell names by its label or its value; null when it names none. */
    String option(String cell) {
      String trimmed = cell.strip();
      if (options.containsKey(trimmed)) {
        return trimmed;
      }
      for (Map.Entry<String, String> o : options.entrySet()) {
        if (o.getValue().equals(trimmed)) {
          return o.getKey();
        }
      }
      return null;
    }
  }

  /** A sheet's columns and the example row of the template (key → value as the import reads it). */
  record Sheet(String name, List<Column> columns, Map<String, String> example) {

    Column column(String key) {
      return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }
  }

  static final Map<String, String> KIND_OPTIONS = new LinkedHashMap<>();
  static final Map<String, String> STATUS_OPTIONS = new LinkedHashMap<>();
  static final Map<String, String> GENDER_OPTIONS = new LinkedHashMap<>();
  static final Map<String, String> MEMBER_STATUS_OPTIONS = new LinkedHashMap<>();
  static final Map<String, String> DISCIPLINE_OPTIONS = new LinkedHashMap<>();

  static {
    Organizations.KINDS.forEach((key, kind) -> KIND_OPTIONS.put(key, Organizations.KIND_TITLES.get(kind)));
    STATUS_OPTIONS.put("active", "正常");
    STATUS_OPTIONS.put("closed", "已撤销");
    GENDER_OPTIONS.put("male", "男");
    GENDER_OPTIONS.put("female", "女");
    Registry.STATUSES.forEach((key, status) -> MEMBER_STATUS_OPTIONS.put(key, status.title()));
    DISCIPLINE_OPTIONS.put("none", "无");
    DISCIPLINE_OPTIONS.put("warning", "警告");
    DISCIPLINE_OPTIONS.put("seriousWarning", "严重警告");
    DISCIPLINE_OPTIONS.put("probationWithinParty", "留党察看");
  }

  static Sheet organizations() {
    return new Sheet(ORGANIZATIONS, List.of(
        Column.text("id", "组织编号（小写字母、数字、-，不可重复）"),
        Column.text("name", "组织名称"),
        Column.choice("kind", "组织类型", KIND_OPTIONS),
        Column.text("parentId", "上级组织编号（工委留空）"),
        Column.flag("approvalPower", "审批权（基层党委，是/否）"),
        Column.choice("status", "状态", STATUS_OPTIONS)),
        example("id", "lh-gw", "name", "临湖区工委", "kind", "workingCommittee", "parentId", null,
            "approvalPower", "false", "status", "active"));
  }

  static Sheet people() {
    String roles = String.join("、", java.util.Arrays.stream(Role.values()).map(r -> r.key() + " " + r.title()).toList());
    return new Sheet(PEOPLE, List.of(
        Column.text("userId", "用户名（登录名，小写字母、数字、. _ -）"),
        Column.text("name", "姓名"),
        Column.text("phone", "电话"),
        Column.text("email", "电子邮箱"),
        Column.text("roles", "岗位（组织编号:岗位，多个用“；”分隔；岗位：" + roles + "）"),
        Column.text("initialPassword", "初始密码（仅新用户填写，8–64位；导出时为空）")),
        example("userId", "lh.orgdept", "name", "周明", "phone", "0551-1234567", "email", "zhouming@example.cn",
            "roles", "lh-gw:orgdept", "initialPassword", "Chushi-2026"));
  }

  static Sheet registry() {
    return new Sheet(REGISTRY, List.of(
        Column.text("memberNo", "党员编号（新登记的人员留空，由系统编号）"),
        Column.text("name", "姓名"),
        Column.choice("gender", "性别", GENDER_OPTIONS),
        Column.date("birthDate", "出生日期"),
        Column.text("idNumber", "居民身份证号码"),
        Column.text("branchId", "所在党支部编号"),
        Column.text("partyGroup", "党小组"),
        Column.choice("status", "党员状态", MEMBER_STATUS_OPTIONS),
        Column.date("fullMembershipDate", "转为正式党员日期（正式党员）"),
        Column.choice("disciplineStatus", "党纪处分", DISCIPLINE_OPTIONS)),
        example("memberNo", null, "name", "王建华", "gender", "male", "birthDate", "1980-03-15",
            "idNumber", "110101198003150017", "branchId", "lh-zb1", "partyGroup", "第一党小组", "status", "full",
            "fullMembershipDate", "2005-07-01", "disciplineStatus", "none"));
  }

  static Map<String, String> example(String... keysAndValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        values.put(keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return values;
  }

  /** "guitu:clerk；gxq-jg:approver" → [guitu:clerk, gxq-jg:approver]; also accepts the role's Chinese title. */
  static List<String[]> roles(String cell) {
    List<String[]> roles = new ArrayList<>();
    if (cell == null) {
      return roles;
    }
    for (String part : cell.split("[;；,，、\\n]+")) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      int colon = Math.max(item.indexOf(':'), item.indexOf('：'));
      roles.add(colon < 0 ? new String[] {item, null}
          : new String[] {item.substring(0, colon).strip(), roleKey(item.substring(colon + 1).strip())});
    }
    return roles;
  }

  private static String roleKey(String keyOrTitle) {
    for (Role role : Role.values()) {
      if (role.key().equals(keyOrTitle.toLowerCase(Locale.ROOT)) || role.title().equals(keyOrTitle)) {
        return role.key();
      }
    }
    return keyOrTitle;
  }

  private Sheets() {
  }
}
