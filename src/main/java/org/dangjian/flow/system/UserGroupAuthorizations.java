package org.dangjian.flow.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The authorization check without its full-table read. Before every check the engine narrows the user's groups
 * to those that hold any authorization, by reading every distinct group of {@code ACT_RU_AUTHORIZATION} once
 * per command. Each case brings its own grants (about twenty rows), so that read grows with the cases: at
 * 100,000 cases it alone cost more than the whole task list (see the README's scale figures). The narrowing
 * changes no answer — a group without authorizations matches none in the check — so the check here simply
 * takes the user's own groups. The only place that reaches into the engine's authorization manager.
 */
@Component
class UserGroupAuthorizations extends AbstractProcessEnginePlugin {

  /** The engine's authorization manager, but for the groups it checks. */
  static class Manager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? new ArrayList<>()
          : new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }

  /** Opens {@link Manager} wherever the engine asks for its authorization manager. */
  static final SessionFactory FACTORY = new SessionFactory() {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new Manager();
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(FACTORY);
    configuration.setCustomSessionFactories(factories);
  }
}
