package org.dangjian.flow.organization;

import java.time.LocalDate;
import java.util.List;
import org.dangjian.flow.organization.MemberRegistry.NewPerson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The organizations of the source documents (高新区工委 and its 机关党委 with three branches), their
 * members and one demo user per role. Loaded on the embedded default only; production leaves it off.
 */
@Component
class DemoData {

  /** Camunda shows "firstName lastName", so the family name (姓) goes first, as Chinese names are written. */
  record DemoUser(String id, String firstName, String lastName, String... groups) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("guitu.clerk", "王", "芳", "guitu-clerk"),
      new DemoUser("guitu.clerk2", "吴", "婷", "guitu-clerk"),
      new DemoUser("fayuan.clerk", "李", "强", "fayuan-clerk"),
      new DemoUser("keji.clerk", "赵", "敏", "keji-clerk"),
      new DemoUser("jg.clerk", "陈", "静", "gxq-jg-clerk"),
      new DemoUser("jg.approver", "刘", "洋", "gxq-jg-approver"),
      new DemoUser("gxq.orgdept", "张", "伟", "gxq-orgdept"),
      new DemoUser("gxq.supervisor", "孙", "丽", "gxq-supervisor"),
      new DemoUser("jg.supervisor", "钱", "进", "gxq-jg-supervisor"),
      new DemoUser("gxq.auditor", "周", "杰", "gxq-auditor"),
      new DemoUser("gxq.clerk", "郑", "红", "gxq-clerk"),
      new DemoUser("guitu.secretary", "马", "建国", "guitu-secretary"),
      new DemoUser("fayuan.secretary", "高", "明", "fayuan-secretary"),
      new DemoUser("keji.secretary", "宋", "佳", "keji-secretary"),
      new DemoUser("donghu.secretary", "徐", "海", "donghu-secretary"),
      new DemoUser("donghu.clerk", "邓", "芬", "donghu-villageclerk"),
      new DemoUser("guitu.head", "曹", "军", "unit-guitu-unithead"),
      new DemoUser("donghu.firstsec", "彭", "涛", "unit-guitu-workteam"),
      new DemoUser("donghu.teammate", "袁", "丽", "unit-guitu-workteam"));

  /** Organizations whose demo evaluators (党员群众测评人) are {@code <org>.eval1} to {@code <org>.eval6}. */
  static final List<String> EVALUATED = List.of("guitu", "fayuan", "keji", "donghu");
  static final String[] EVALUATOR_NAMES = {"赵一", "钱二", "孙三", "李四", "周五", "吴六"};

  private final OrganizationRepository organizations;
  private final MemberRegistry registry;
  private final EngineIdentity identity;
  private final String password;

  DemoData(OrganizationRepository organizations, MemberRegistry registry, EngineIdentity identity,
      @Value("${dangjian.demo.password}") String password) {
    this.organizations = organizations;
    this.registry = registry;
    this.identity = identity;
    this.password = password;
  }

  void loadOrganizationsAndMembers() {
    save(new Organization("gxq", "高新区工委", OrganizationKind.WORKING_COMMITTEE, null, false), 0);
    save(new Organization("gxq-jg", "高新区机关党委", OrganizationKind.PARTY_COMMITTEE, "gxq", true), 1);
    save(new Organization("guitu", "规土局党支部", OrganizationKind.BRANCH, "gxq-jg", false), 2);
    save(new Organization("fayuan", "法院党支部", OrganizationKind.BRANCH, "gxq-jg", false), 3);
    save(new Organization("keji", "科技局党支部", OrganizationKind.BRANCH, "gxq-jg", false, true), 4);
    save(new Organization("donghu", "东湖村", OrganizationKind.VILLAGE, "gxq", false), 5);
    save(new Organization("unit-guitu", "高新区规划和国土资源局", OrganizationKind.HELP_UNIT, "gxq", false), 6);
    save(new Organization("unit-keji", "高新区科技局", OrganizationKind.HELP_UNIT, "gxq", false), 7);

    String[][] members = {
        {"1001", "guitu", "马建国", "male", "full"}, {"1002", "guitu", "何秀英", "female", "full"},
        {"1003", "guitu", "郭志强", "male", "full"}, {"1004", "guitu", "林晓燕", "female", "probationary"},
        {"1005", "guitu", "冯立新", "male", "full"},
        {"1011", "fayuan", "高明", "male", "full"}, {"1012", "fayuan", "罗静", "female", "full"},
        {"1013", "fayuan", "梁栋", "male", "full"},
        {"1021", "keji", "宋佳", "female", "full"}, {"1022", "keji", "谢飞", "male", "full"},
        {"1023", "keji", "韩雪", "female", "full"}};
    for (String[] m : members) {
      if (registry.find(Long.parseLong(m[0])).isEmpty()) {
        registry.addWithId(Long.parseLong(m[0]), new NewPerson(m[2], m[3], LocalDate.of(1985, 6, 1), null, m[1],
            MemberStatus.valueOf(m[4].toUpperCase()), null, null));
        if ("1005".equals(m[0])) {
          // a full member under 留党察看: the steps 5 and 9 neither offer nor accept him
          registry.placeUnderProbationWithinParty(1005);
        }
      }
    }
  }

  /** Brings each demo organization to its current definition, also in a database from an older version. */
  private void save(Organization organization, int sortOrder) {
    if (organizations.findById(organization.id()).isEmpty()) {
      organizations.save(organization, sortOrder);
    } else {
      organizations.update(organization, sortOrder);
    }
  }

  void loadUsers() {
    for (DemoUser user : USERS) {
      identity.ensureUser(user.id(), user.firstName(), user.lastName(), password, user.groups());
    }
    for (String org : EVALUATED) {
      for (int i = 0; i < EVALUATOR_NAMES.length; i++) {
        String name = EVALUATOR_NAMES[i];
        identity.ensureUser(org + ".eval" + (i + 1), name.substring(0, 1), name.substring(1), password,
            Role.EVALUATOR.groupOf(org));
      }
    }
  }
}
