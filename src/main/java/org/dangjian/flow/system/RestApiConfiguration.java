package org.dangjian.flow.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API under /engine-rest and ours under /api: HTTP Basic against the engine's users (every step
 * has an actor; our endpoints read the user from the engine's identity service),
 * and our refusals and conflicts answered as 400 and 409 however the REST resource wrapped them.
 */
@Configuration
class RestApiConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(
      ObjectProvider<ProcessEngine> processEngine) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ThisEngineAuthenticationFilter(processEngine));
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    // the engine's REST API and ours alike; only the health endpoint stays open
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/village-help.html", "/development-cases.html");
    return registration;
  }

  @Bean
  ResourceConfigCustomizer stepErrorMappers() {
    return config -> config.register(WrappedRefusalMapper.class).register(RefusalMapper.class)
        .register(ConflictMapper.class);
  }

  /**
   * Authenticates against this application's engine. Camunda's filter looks the engine up by name, and the
   * name "default" can belong to another engine in the same JVM (tests with several Spring contexts).
   */
  static class ThisEngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {
    /** Looked up at the first request: the web server starts filters before the engine must exist. */
    private final ObjectProvider<ProcessEngine> processEngine;

    ThisEngineAuthenticationFilter(ObjectProvider<ProcessEngine> processEngine) {
      this.processEngine = processEngine;
    }

    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
      return processEngine.getObject();
    }
  }

  static Response response(Response.Status status, Throwable e) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", e.getClass().getSimpleName(), "message", String.valueOf(e.getMessage()))).build();
  }

  /** Resources wrap engine exceptions in a RestException; look inside for ours. Preferred over Camunda's. */
  @Priority(1)
  static class WrappedRefusalMapper implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof StepRefusedException) {
          return response(Response.Status.BAD_REQUEST, e);
        }
        if (cause instanceof TaskConflictException) {
          return response(Response.Status.CONFLICT, e);
        }
      }
      return ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }

  static class RefusalMapper implements ExceptionMapper<StepRefusedException> {
    @Override
    public Response toResponse(StepRefusedException e) {
      return response(Response.Status.BAD_REQUEST, e);
    }
  }

  static class ConflictMapper implements ExceptionMapper<TaskConflictException> {
    @Override
    public Response toResponse(TaskConflictException e) {
      return response(Response.Status.CONFLICT, e);
    }
  }
}
