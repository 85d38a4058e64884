package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.dangjian.flow.development.DevelopmentTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What every answer tells the browser: no framing, no sniffing, scripts and styles only from this server's files,
 * no cached copy of personal data; the Camunda webapps their own policy; HTTPS-only in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest extends DevelopmentTestSupport {

  private static final List<String> PAGES = List.of("/records.html", "/overdue.html", "/development-cases.html",
      "/village-help.html", "/register.html", "/branch-meetings.html");

  @Autowired TestRestTemplate rest;
  @Autowired Environment environment;

  private boolean production() {
    return environment.acceptsProfiles(Profiles.of("postgres"));
  }

  private void assertOurHeaders(ResponseEntity<?> response) {
    HttpHeaders h = response.getHeaders();
    assertThat(h.get("Content-Security-Policy")).singleElement().isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertThat(h.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'")
        .contains("script-src 'self';").doesNotContain("unsafe-inline");
    assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(h.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(h.getFirst("Referrer-Policy")).isEqualTo("same-origin");
    if (production()) {
      assertThat(h.getFirst("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    } else {
      assertThat(h.containsKey("Strict-Transport-Security")).isFalse();
    }
  }

  private static void assertNotStored(ResponseEntity<?> response) {
    assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
  }

  @Test
  void ourPagesForbidFramingAndInlineCodeAndCarryNone() {
    for (String page : PAGES) {
      ResponseEntity<String> response = rest.withBasicAuth("gxq.supervisor", "demo").getForEntity(page, String.class);
      assertThat(response.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
      assertOurHeaders(response);
      assertNoInlineCode(page, response.getBody());
    }
    // the pages' scripts and styles, which need no login (nothing in them but code)
    for (String file : List.of("/js/records.js", "/js/overdue.js", "/js/development-cases.js", "/js/village-help.js",
        "/js/branch-meetings.js", "/js/print.js", "/js/register.js", "/css/dangjian.css", "/css/record.css")) {
      ResponseEntity<String> response = rest.getForEntity(file, String.class);
      assertThat(response.getStatusCode()).as(file).isEqualTo(HttpStatus.OK);
      assertThat(response.getHeaders().getContentType().toString()).as(file)
          .contains(file.endsWith(".js") ? "javascript" : "text/css");
      assertOurHeaders(response);
    }
  }

  /** What the policy would block: inline scripts and styles, style attributes, inline handlers, javascript: links. */
  private static void assertNoInlineCode(String what, String html) {
    assertThat(html).as(what).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("<style")
        .doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=").doesNotContain("javascript:");
  }

  @Test
  void recordsInEveryFormatAndApiAnswersAreNotStored() {
    ProcessInstance pi = newCase();
    for (String format : List.of(".html", ".pdf", ".xlsx", "")) {
      ResponseEntity<byte[]> response = rest.withBasicAuth(BRANCH_CLERK, "demo")
          .getForEntity("/api/records/{id}" + format, byte[].class, pi.getId());
      assertThat(response.getStatusCode()).as(format).isEqualTo(HttpStatus.OK);
      assertOurHeaders(response);
      assertNotStored(response);
      if (format.equals(".html")) {
        assertNoInlineCode("record page", new String(response.getBody(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    ResponseEntity<String> violations = rest.withBasicAuth(BRANCH_CLERK, "demo")
        .getForEntity("/api/records/violations.html", String.class);
    assertNotStored(violations);
    assertNoInlineCode("violations page", violations.getBody());

    ResponseEntity<String> list = rest.withBasicAuth(BRANCH_CLERK, "demo").getForEntity("/api/records", String.class);
    assertOurHeaders(list);
    assertNotStored(list);
    // refusals too, and the engine's REST API
    ResponseEntity<String> unauthorized = rest.getForEntity("/api/records", String.class);
    assertThat(unauthorized.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertOurHeaders(unauthorized);
    assertNotStored(unauthorized);
    ResponseEntity<String> engine = rest.withBasicAuth(BRANCH_CLERK, "demo")
        .getForEntity("/engine-rest/task?maxResults=1", String.class);
    assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertOurHeaders(engine);
    assertNotStored(engine);
  }

  @Test
  void theCamundaWebappsSendTheirOwnPolicyAndNosniff() {
    for (String path : List.of("/camunda/app/tasklist/", "/camunda/app/welcome/default/",
        "/camunda/api/admin/auth/user/default")) {
      ResponseEntity<String> response = rest.getForEntity(path, String.class);
      HttpHeaders h = response.getHeaders();
      // one policy, Camunda's (with its script nonce), not ours on top of it: a second one would block its scripts
      assertThat(h.get("Content-Security-Policy")).as(path).singleElement()
          .satisfies(csp -> assertThat(csp).contains("frame-ancestors 'none'").contains("nonce-")
              .isNotEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY));
      assertThat(h.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(h.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(h.getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
      if (production()) {
        assertThat(h.getFirst("Strict-Transport-Security")).as(path).isEqualTo("max-age=31536000");
      } else {
        assertThat(h.containsKey("Strict-Transport-Security")).as(path).isFalse();
      }
    }
  }

  @Test
  void theFilterSendsHstsWhereConfiguredAndLeavesTheWebappsToCamunda() throws Exception {
    SecurityHeaders.Filter filter = new SecurityHeaders.Filter("/camunda", "max-age=31536000");
    for (Map.Entry<String, Boolean> path : Map.of("/api/records", true, "/overdue.html", true,
        "/camunda/app/tasklist/", false, "/camunda/api/engine/engine/", false).entrySet()) {
      MockHttpServletResponse response = new MockHttpServletResponse();
      filter.doFilter(new MockHttpServletRequest("GET", path.getKey()), response, new MockFilterChain());
      assertThat(response.getHeader("Strict-Transport-Security")).as(path.getKey())
          .isEqualTo(path.getValue() ? "max-age=31536000" : null);
      assertThat(response.getHeader("Content-Security-Policy") != null).as(path.getKey()).isEqualTo(path.getValue());
      assertThat(response.getHeader("X-Frame-Options")).as(path.getKey()).isEqualTo("DENY");
    }
  }

  /** The production profile as written: every key binds to what the webapps and our filter read. */
  @Test
  void theProductionProfileSendsOnlySecureCookiesAndHsts() throws IOException {
    List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
        .load("postgres", new ClassPathResource("application-postgres.yml"));
    Binder binder = new Binder(ConfigurationPropertySources.from(yaml), new PropertySourcesPlaceholdersResolver(yaml));
    WebappProperty webapp = binder.bind("camunda.bpm.webapp", WebappProperty.class).get();
    assertThat(webapp.getSessionCookie().isEnableSecureCookie()).isTrue();
    assertThat(webapp.getSessionCookie().isEnableSameSiteCookie()).isTrue();
    assertThat(webapp.getCsrf().isEnableSecureCookie()).isTrue();
    assertThat(webapp.getCsrf().isEnableSameSiteCookie()).isTrue();
    assertThat(webapp.getHeaderSecurity().isHstsDisabled()).isFalse();
    assertThat(webapp.getHeaderSecurity().getHstsMaxAge()).isEqualTo("31536000");
    assertThat(binder.bind("server.servlet.session.cookie.secure", Boolean.class).get()).isTrue();
    assertThat(binder.bind("dangjian.security.hsts", Boolean.class).get()).isTrue();
  }
}
