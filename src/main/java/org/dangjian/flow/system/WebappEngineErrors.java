package org.dangjian.flow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The webapps' own engine API (/camunda/api/engine, what Tasklist and Cockpit call) is Camunda's JAX-RS application
 * with Camunda's exception mappers, which our mappers of /engine-rest do not reach. Its refusals are given the same
 * shape here: {@code message} in Chinese without the engine's prefix ("Cannot submit task form 64aa…: "), the
 * engine's own text as {@code detail}; a refusal of a step also with its {@code problems} and the form
 * {@code fields} at fault, which Camunda's mappers do not know (Tasklist marks those fields). Successful answers
 * pass untouched.
 */
class WebappEngineErrors extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Where our refusals begin inside the engine's message (StepRefusedException). */
  private static final String REFUSAL = "办理未通过校验：";
  /**
   * The refusal the engine threw while this thread answers a request of the webapps' API (set by
   * {@link RefusalUnwrapping}); absent on every other thread, so the job executor's refusals are kept nowhere.
   */
  private static final ThreadLocal<StepRefusedException[]> REFUSED = new ThreadLocal<>();

  static void noticed(StepRefusedException refused) {
    StepRefusedException[] slot = REFUSED.get();
    if (slot != null) {
      slot[0] = refused;
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    StepRefusedException[] refused = new StepRefusedException[1];
    REFUSED.set(refused);
    try {
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() >= 400 && wrapper.getContentType() != null
          && wrapper.getContentType().startsWith("application/json")) {
        byte[] rewritten = rewrite(wrapper.getContentAsByteArray(), wrapper.getStatus(), refused[0]);
        if (rewritten != null) {
          wrapper.resetBuffer();
          wrapper.getOutputStream().write(rewritten);
        }
      }
    } finally {
      REFUSED.remove();
      wrapper.copyBodyToResponse();
    }
  }

  static byte[] rewrite(byte[] body, int status) {
    return rewrite(body, status, null);
  }

  static byte[] rewrite(byte[] body, int status, StepRefusedException refused) {
    JsonNode error;
    try {
      error = JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
    if (error == null || !error.isObject() || !error.has("message") || error.has("detail")) {
      return null;
    }
    String engineText = error.path("message").asText();
    Map<String, Object> shaped = new LinkedHashMap<>();
    shaped.put("type", error.path("type").asText("Error"));
    int refusal = engineText.indexOf(REFUSAL);
    if (refusal >= 0) {
      shaped.put("message", engineText.substring(refusal));
      if (refused != null && engineText.contains(refused.getMessage())) {
        shaped.put("problems", refused.problems());
        shaped.put("fields", refused.fields());
      }
    } else if (containsChinese(engineText)) {
      // already ours (a refusal of the trust boundary, a conflict)
      shaped.put("message", engineText);
    } else if (status == 403) {
      shaped.put("message", "无权限：您不能查看或办理此项。任务和案件只对承办组织及其上级组织的相关人员开放。");
    } else if (status == 404) {
      shaped.put("message", "未找到：该任务或案件不存在，或已办理完毕。");
    } else {
      shaped.put("message", status >= 500 ? "系统内部错误，请稍后重试或联系管理员。" : "请求无效：" + engineText);
    }
    shaped.put("detail", engineText);
    error.fields().forEachRemaining(field -> shaped.putIfAbsent(field.getKey(), field.getValue()));
    try {
      return JSON.writeValueAsString(shaped).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean containsChinese(String text) {
    return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }
}
