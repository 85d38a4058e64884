package org.dangjian.flow.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
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
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/village-help.html", "/development-cases.html",
        "/records.html", "/overdue.html", "/admin.html", "/register.html", "/notifications.html",
        "/branch-meetings.html");
    return registration;
  }

  /** Requests to an engine API, whose engine commands {@link TrustBoundary} checks. */
  @Bean
  FilterRegistrationBean<jakarta.servlet.Filter> engineUserRequests() {
    FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>(TrustBoundary.userRequests());
    registration.setName("engine-user-requests");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/*");
    registration.setOrder(Integer.MIN_VALUE);
    return registration;
  }

  /** The webapps' engine API answers refusals in the same shape as /engine-rest. */
  @Bean
  FilterRegistrationBean<WebappEngineErrors> webappEngineErrors() {
    FilterRegistrationBean<WebappEngineErrors> registration = new FilterRegistrationBean<>(new WebappEngineErrors());
    registration.setName("webapp-engine-errors");
    registration.addUrlPatterns("/camunda/api/engine/*");
    return registration;
  }

  @Bean
  ResourceConfigCustomizer stepErrorMappers() {
    return config -> config.register(WrappedRefusalMapper.class).register(RefusalMapper.class)
        .register(ConflictMapper.class).register(ForbiddenMapper.class);
  }

  /**
   * Authenticates against this application's engine. Camunda's filter looks the engine up by name, and the
   * name "default" can belong to another engine in the same JVM (tests with several Spring contexts).
   *
   * <p>Our pages and their reads (GET on /api, never /engine-rest) also accept the login of the Camunda webapps
   * in the same browser session, so an auditor who logged in on the welcome page opens the records without a
   * second login. Only reads: a change needs credentials on the request itself, so no other site can make a
   * logged-in browser change anything (no cross-site request forgery).
   */
  static class ThisEngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {
    /** Where the Camunda webapps keep their logins in the HTTP session (AuthenticationUtil). */
    private static final String WEBAPP_LOGINS = "authenticatedUser";
    private static final Set<String> READS = Set.of("GET", "HEAD");

    /** Looked up at the first request: the web server starts filters before the engine must exist. */
    private final ObjectProvider<ProcessEngine> processEngine;

    ThisEngineAuthenticationFilter(ObjectProvider<ProcessEngine> processEngine) {
      this.processEngine = processEngine;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest http = (HttpServletRequest) request;
      UserAuthentication webappLogin = http.getHeader("Authorization") == null && READS.contains(http.getMethod())
          && !http.getRequestURI().startsWith(http.getContextPath() + "/engine-rest/") ? webappLogin(http) : null;
      if (webappLogin == null) {
        super.doFilter(request, response, chain);
        return;
      }
      IdentityService identity = processEngine.getObject().getIdentityService();
      identity.setAuthentication(webappLogin.getIdentityId(), webappLogin.getGroupIds(), webappLogin.getTenantIds());
      try {
        chain.doFilter(request, response);
      } finally {
        identity.clearAuthentication();
      }
    }

    private UserAuthentication webappLogin(HttpServletRequest request) {
      HttpSession session = request.getSession(false);
      if (session != null && session.getAttribute(WEBAPP_LOGINS) instanceof Authentications logins
          && logins.getAuthenticationForProcessEngine(processEngine.getObject().getName())
              instanceof UserAuthentication user) {
        return user;
      }
      return null;
    }

    /** Camunda leaves the list of engines (/engine) open; nothing is, here, but health. */
    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }

    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
      return processEngine.getObject();
    }
  }

  /**
   * One error shape for both APIs: {@code type}, {@code message} (Chinese, for the user), {@code detail} (the
   * engine's or REST layer's own text, for developers) and, for refused input, {@code problems} and the form
   * {@code fields} at fault.
   */
  static Response response(Response.Status status, Throwable cause, Throwable outer) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("type", cause.getClass().getSimpleName());
    body.put("message", String.valueOf(cause.getMessage()));
    body.put("detail", String.valueOf(outer.getMessage()));
    if (cause instanceof StepRefusedException refused) {
      body.put("problems", refused.problems());
      body.put("fields", refused.fields());
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** Resources wrap engine exceptions in a RestException; look inside for ours. Preferred over Camunda's. */
  @Priority(1)
  static class WrappedRefusalMapper implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof StepRefusedException) {
          return response(Response.Status.BAD_REQUEST, cause, e);
        }
        if (cause instanceof TaskConflictException) {
          return response(Response.Status.CONFLICT, cause, e);
        }
        if (cause instanceof AuthorizationException denied) {
          return ForbiddenMapper.forbidden(denied);
        }
        if (isMissing(cause)) {
          // an id the client gave that names nothing (the REST layer answers some of these 500)
          Map<String, Object> body = new java.util.LinkedHashMap<>();
          body.put("type", "NotFound");
          body.put("message", "未找到：请求中的流程、任务或案件不存在，或已办理完毕。");
          body.put("detail", String.valueOf(e.getMessage()));
          return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
      }
      return ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }

  /** The engine's "not found" for an id: a NullValueException from its lookups ("no … found", "Cannot find …"). */
  static boolean isMissing(Throwable cause) {
    String message = String.valueOf(cause.getMessage());
    return (cause instanceof org.camunda.bpm.engine.exception.NullValueException
        || cause instanceof org.camunda.bpm.engine.exception.NotFoundException)
        && (message.contains(" found") || message.contains("Cannot find"));
  }

  static class RefusalMapper implements ExceptionMapper<StepRefusedException> {
    @Override
    public Response toResponse(StepRefusedException e) {
      return response(Response.Status.BAD_REQUEST, e, e);
    }
  }

  /**
   * The engine's authorization refusal, in Chinese for the user who sees it in Tasklist, with the engine's own
   * text (which permission on which resource) beside it for developers.
   */
  static class ForbiddenMapper implements ExceptionMapper<AuthorizationException> {
    @Override
    public Response toResponse(AuthorizationException e) {
      return forbidden(e);
    }

    static Response forbidden(AuthorizationException e) {
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("type", AuthorizationException.class.getSimpleName());
      body.put("message", e instanceof OperationRefusedException ? e.getMessage()
          : "无权限：用户 " + e.getUserId() + " 不能查看或办理此项。任务和案件只对承办组织及其上级组织的相关人员开放。");
      body.put("userId", e.getUserId());
      body.put("detail", e.getMessage());
      return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
  }

  static class ConflictMapper implements ExceptionMapper<TaskConflictException> {
    @Override
    public Response toResponse(TaskConflictException e) {
      return response(Response.Status.CONFLICT, e, e);
    }
  }
}
