package org.dangjian.flow.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dangjian.ldap.*}: users and groups from an existing directory (LDAP) instead of the engine's own tables.
 * The defaults (application.yml) suit an OpenLDAP-style directory ({@code inetOrgPerson}, {@code groupOfNames});
 * see the README, "Directory (LDAP, 目录)".
 */
@ConfigurationProperties("dangjian.ldap")
record DirectoryProperties(boolean enabled, String serverUrl, String managerDn, String managerPassword, String baseDn,
    String userSearchBase, String userSearchFilter, String userIdAttribute, String userFirstnameAttribute,
    String userLastnameAttribute, String userEmailAttribute, String groupSearchBase, String groupSearchFilter,
    String groupIdAttribute, String groupNameAttribute, String groupMemberAttribute, boolean useSsl,
    List<GroupMapping> groupMapping) {

  /** One directory group seen by the engine as one of ours: {@code 规土局党支部党务工作者} as {@code guitu-clerk}. */
  record GroupMapping(String directory, String group) {
  }

  DirectoryProperties {
    groupMapping = groupMapping == null ? List.of() : List.copyOf(groupMapping);
  }
}
