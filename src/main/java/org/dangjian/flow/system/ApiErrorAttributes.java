package org.dangjian.flow.system;

import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring's error page answers for /api when no controller handled the request (an unknown address, a method
 * the address does not take) or when one failed: the one error shape with a Chinese message, like every other
 * /api answer. A server failure tells the client nothing of its cause (that is in the log). A refused login of the
 * webapps gets a Chinese message too.
 */
@Component
class ApiErrorAttributes extends DefaultErrorAttributes {

  /** The webapps' login (Tasklist, Cockpit, Admin, welcome page), which answers a refused login 401 without a body. */
  private static final java.util.regex.Pattern LOGIN =
      java.util.regex.Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+");

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> standard = super.getErrorAttributes(request, options);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST);
    if (uri instanceof String path && LOGIN.matcher(path).matches()
        && Integer.valueOf(401).equals(standard.get("status"))) {
      // the webapps show this message after "登录失败"; Spring's own would be "Unauthorized"
      standard.put("message", "用户名或密码错误，或您没有使用此应用的权限。输错密码后须等待几秒再试，多次输错等待更久。");
      return standard;
    }
    if (!(uri instanceof String path) || !path.startsWith("/api/")) {
      return standard;
    }
    int code = standard.get("status") instanceof Integer status ? status : 500;
    HttpStatus status = HttpStatus.resolve(code);
    String type = status == null ? "Error" : status.name();
    if (code >= 500) {
      return ApiError.body(type, "服务器内部错误，本次请求未能办理，请稍后重试或联系系统管理员", null);
    }
    Object detail = standard.get("message");
    return ApiError.body(type, message(code), detail == null ? null : String.valueOf(detail));
  }

  private static String message(int status) {
    return switch (status) {
      case 400 -> "请求不正确";
      case 401 -> "请先登录";
      case 403 -> "无权限办理此项";
      case 404 -> "没有这个地址或对象";
      case 405 -> "该地址不支持这种请求方法";
      case 406 -> "无法以所要求的格式答复";
      case 415 -> "请求内容应为 JSON（Content-Type: application/json）";
      default -> "请求未能办理（HTTP " + status + "）";
    };
  }
}
