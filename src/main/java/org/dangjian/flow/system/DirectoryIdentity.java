package org.dangjian.flow.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.naming.directory.SearchResult;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Users and groups from an existing directory (LDAP) through Camunda's LDAP identity provider plugin, when
 * {@code dangjian.ldap.enabled}. The directory is read-only to the engine: passwords are checked by binding as
 * the user, users and memberships are the directory's. The engine sees the directory's groups under our group
 * ids ({@link DirectoryGroups}), so candidate groups, the grants in the engine's database and the Tasklist filters
 * stay as they are. The only place that knows the plugin.
 */
@Configuration
@ConditionalOnProperty(name = "dangjian.ldap.enabled", havingValue = "true")
class DirectoryIdentity {

  /** The Spring Boot starter's bean that creates {@code camunda.bpm.admin-user} (CamundaBpmConfiguration). */
  static final String ADMIN_USER_CREATION = "createAdminUserConfiguration";

  @Bean
  LdapIdentityProviderPlugin directoryIdentityProvider(DirectoryProperties properties) {
    if (properties.serverUrl() == null || properties.serverUrl().isBlank()) {
      throw new IllegalStateException("dangjian.ldap.enabled=true 但未设置 dangjian.ldap.server-url（如 ldap://目录服务器:389）");
    }
    Plugin plugin = new Plugin(new DirectoryGroups(properties.groupMapping()));
    plugin.setServerUrl(properties.serverUrl());
    plugin.setManagerDn(properties.managerDn());
    plugin.setManagerPassword(properties.managerPassword());
    plugin.setBaseDn(properties.baseDn());
    plugin.setUserSearchBase(properties.userSearchBase());
    plugin.setUserSearchFilter(properties.userSearchFilter());
    plugin.setUserIdAttribute(properties.userIdAttribute());
    plugin.setUserFirstnameAttribute(properties.userFirstnameAttribute());
    plugin.setUserLastnameAttribute(properties.userLastnameAttribute());
    plugin.setUserEmailAttribute(properties.userEmailAttribute());
    plugin.setGroupSearchBase(properties.groupSearchBase());
    plugin.setGroupSearchFilter(properties.groupSearchFilter());
    plugin.setGroupIdAttribute(properties.groupIdAttribute());
    plugin.setGroupNameAttribute(properties.groupNameAttribute());
    plugin.setGroupMemberAttribute(properties.groupMemberAttribute());
    plugin.setUseSsl(properties.useSsl());
    // users see users and groups as with the engine's own tables: by their grants (READ on USER and GROUP)
    plugin.setAuthorizationCheckEnabled(true);
    return plugin;
  }

  /**
   * The administrators are the members of the directory group mapped to {@code camunda-admin}; this gives that
   * group every permission on every resource in the engine's database, as the starter's admin-user creation does
   * for the engine's own tables (which is removed below).
   */
  @Bean
  AdministratorAuthorizationPlugin directoryAdministrators() {
    AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
    plugin.setAdministratorGroupName(Groups.CAMUNDA_ADMIN);
    return plugin;
  }

  /**
   * No {@code camunda.bpm.admin-user} with a directory: the starter would create that user in a read-only identity
   * service, and the engine would refuse to start. The bean has no switch of its own but the admin user's id.
   */
  @Bean
  static BeanDefinitionRegistryPostProcessor noAdminUserCreation() {
    return registry -> {
      if (registry.containsBeanDefinition(ADMIN_USER_CREATION)) {
        registry.removeBeanDefinition(ADMIN_USER_CREATION);
      }
    };
  }

  /** The LDAP plugin with {@link Session} in place of its own session. */
  static class Plugin extends LdapIdentityProviderPlugin {
    private final DirectoryGroups groups;

    Plugin(DirectoryGroups groups) {
      this.groups = groups;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      super.preInit(configuration);
      Factory factory = new Factory(groups);
      factory.setLdapConfiguration(this);
      configuration.setIdentityProviderSessionFactory(factory);
    }
  }

  static class Factory extends LdapIdentityProviderFactory {
    private final DirectoryGroups groups;

    Factory(DirectoryGroups groups) {
      this.groups = groups;
    }

    @Override
    public Session openSession() {
      return new MappedSession(ldapConfiguration, groups);
    }
  }

  /**
   * The plugin's session, speaking our group ids: a group query names our ids and gets ours back, a membership
   * query names one of ours; a directory group the engine does not see is neither listed nor counted (so paging
   * stays right).
   */
  static class MappedSession extends LdapIdentityProviderSession {
    /** Marks, between {@link #transformGroup} and the check that counts results, a group the engine does not see. */
    private static final String UNSEEN = "\u0000unseen:";

    private final DirectoryGroups groups;

    MappedSession(LdapConfiguration configuration, DirectoryGroups groups) {
      super(configuration);
      this.groups = groups;
    }

    @Override
    public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
      String id = query.getId();
      String[] ids = query.getIds();
      if (id != null) {
        String directoryId = groups.directory(id).orElse(null);
        if (directoryId == null) {
          return new ArrayList<>();
        }
        query.groupId(directoryId);
      }
      if (ids != null && ids.length > 0) {
        String[] directoryIds = Arrays.stream(ids).map(groups::directory).flatMap(Optional::stream).toArray(String[]::new);
        if (directoryIds.length == 0) {
          return new ArrayList<>();
        }
        query.groupIdIn(directoryIds);
      }
      try {
        return super.findGroupByQueryCriteria(query);
      } finally {
        // the same query object may be run again (count, then list)
        if (id != null) {
          query.groupId(id);
        }
        if (ids != null && ids.length > 0) {
          query.groupIdIn(ids);
        }
      }
    }

    @Override
    protected GroupEntity transformGroup(SearchResult result) {
      GroupEntity group = super.transformGroup(result);
      group.setId(groups.ours(group.getId()).orElse(UNSEEN + group.getId()));
      return group;
    }

    @Override
    protected boolean isAuthorizedToReadGroup(String groupId) {
      return !groupId.startsWith(UNSEEN) && super.isAuthorizedToReadGroup(groupId);
    }

    @Override
    public List<User> findUserByQueryCriteria(LdapUserQueryImpl query) {
      if (query.getGroupId() != null && groups.directory(query.getGroupId()).isEmpty()) {
        return new ArrayList<>();
      }
      return super.findUserByQueryCriteria(query);
    }

    /**
     * Finding the group of a membership query is not a read of the group by the user: with the engine's own
     * tables "members of guitu-clerk" needs no grant on the group, so here neither.
     */
    @Override
    protected String getDnForGroup(String groupId) {
      return Context.getCommandContext().runWithoutAuthorization(() -> super.getDnForGroup(groupId));
    }

    /** Likewise the user of "groups of this user". */
    @Override
    protected String getDnForUser(String userId) {
      return Context.getCommandContext().runWithoutAuthorization(() -> super.getDnForUser(userId));
    }
  }
}
