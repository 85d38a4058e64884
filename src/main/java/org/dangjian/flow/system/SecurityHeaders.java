package org.dangjian.flow.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on everything this application answers outside the Camunda webapps: our pages (the static
 * pages, the record pages), our API and the engine's REST API. The webapps (/camunda/app/*, /camunda/api/*) get
 * their Content-Security-Policy, nosniff and HSTS from Camunda's own header filter
 * ({@code camunda.bpm.webapp.header-security}); this one adds there only what Camunda's does not send.
 */
@Configuration
class SecurityHeaders {

  /**
   * Scripts and styles only from this server's files (the pages' own are in /js and /css, none inline), data
   * only from this server, no plugins, never inside a frame.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self';"
      + " form-action 'self'; frame-ancestors 'none'";

  @Bean
  FilterRegistrationBean<Filter> securityHeadersFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      @Value("${dangjian.security.hsts:false}") boolean hsts,
      @Value("${dangjian.security.hsts-value:max-age=31536000}") String hstsValue) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
        new Filter(webappPath, hsts ? hstsValue : null));
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    // first, so that every answer has them: a 401 of the authentication filter and Spring's error page as well
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static class Filter extends OncePerRequestFilter {

    private final String webappPrefix;
    /** The Strict-Transport-Security value, or null where the application is not served over HTTPS. */
    private final String hsts;

    Filter(String webappPath, String hsts) {
      this.webappPrefix = webappPath.endsWith("/") ? webappPath : webappPath + "/";
      this.hsts = hsts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Referrer-Policy", "same-origin");
      if (!isCamundaWebapp(path)) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (hsts != null) {
          response.setHeader("Strict-Transport-Security", hsts);
        }
      }
      if (path.startsWith("/api/") || path.startsWith("/engine-rest/")) {
        // personal data (cases, records, their PDF and spreadsheet): no copy in the browser's or a proxy's cache;
        // kept against the engine REST API's own "no-cache" (which still lets the browser store the answer)
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response = new NoStore(response);
      }
      chain.doFilter(request, response);
    }

    /** A response whose Cache-Control stays no-store whatever the resource behind it sets. */
    static class NoStore extends HttpServletResponseWrapper {
      NoStore(HttpServletResponse response) {
        super(response);
      }

      @Override
      public void setHeader(String name, String value) {
        if (!"Cache-Control".equalsIgnoreCase(name)) {
          super.setHeader(name, value);
        }
      }

      @Override
      public void addHeader(String name, String value) {
        if (!"Cache-Control".equalsIgnoreCase(name)) {
          super.addHeader(name, value);
        }
      }
    }

    /** Where Camunda's header filter answers (its own, nonce-based policy for Tasklist, Cockpit, Admin). */
    private boolean isCamundaWebapp(String path) {
      return path.startsWith(webappPrefix + "app/") || path.startsWith(webappPrefix + "api/");
    }
  }
}
