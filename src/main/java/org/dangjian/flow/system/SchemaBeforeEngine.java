package org.dangjian.flow.system;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates our tables before the engine creates its own: Flyway refuses a non-empty schema without its
 * history table, and whichever bean first needs the engine (a servlet filter, a listener) must not decide the
 * order on a fresh database.
 */
@Configuration
class SchemaBeforeEngine {

  static final String ENGINE_FACTORY = "processEngineFactoryBean";
  static final String FLYWAY = "flywayInitializer";

  @Bean
  static BeanFactoryPostProcessor engineAfterFlyway() {
    return beanFactory -> {
      if (beanFactory.containsBeanDefinition(ENGINE_FACTORY) && beanFactory.containsBeanDefinition(FLYWAY)) {
        BeanDefinition engine = beanFactory.getBeanDefinition(ENGINE_FACTORY);
        String[] dependsOn = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
        if (!Arrays.asList(dependsOn).contains(FLYWAY)) {
          engine.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(FLYWAY)).toArray(String[]::new));
        }
      }
    };
  }
}
