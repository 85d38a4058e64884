package org.dangjian.flow.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Answers of our own REST API (/api) that every controller shares, in the one error shape ({@link ApiError}): a
 * client's mistake (unreadable JSON, a value of the wrong type, an unknown choice, a missing parameter) is a 400
 * with a Chinese message, never the 500 Spring or the engine would give. Only our controllers: a static page's
 * errors stay Spring's (see {@link ApiErrorAttributes} for the rest of /api).
 */
@RestControllerAdvice(basePackages = "org.dangjian.flow")
class ApiErrors {

  /** The longest part of a submitted value repeated in a message. */
  private static final int ECHO = 40;

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException e) {
    return ApiError.response(HttpStatus.FORBIDDEN, e);
  }

  /** The engine refused the logged-in user (e.g. no grant to start that process): its English text as detail. */
  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return ApiError.response(HttpStatus.FORBIDDEN, AuthorizationException.class.getSimpleName(),
        "无权限：用户 " + e.getUserId() + " 不能查看或办理此项。任务和案件只对承办组织及其上级组织的相关人员开放。",
        e.getMessage());
  }

  @ExceptionHandler(StepRefusedException.class)
  ResponseEntity<Map<String, Object>> refused(StepRefusedException e) {
    Map<String, Object> body = ApiError.body(StepRefusedException.class.getSimpleName(), e.getMessage(), null);
    body.put("problems", e.problems());
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ApiError.response(HttpStatus.BAD_REQUEST, "InvalidRequestBody", unreadableMessage(e), e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> wrongType(MethodArgumentTypeMismatchException e) {
    return ApiError.response(HttpStatus.BAD_REQUEST, "InvalidParameter", "参数“" + e.getName() + "”的值“"
        + echo(e.getValue()) + "”无效，应为" + expected(e.getRequiredType()), e.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return ApiError.response(HttpStatus.BAD_REQUEST, "MissingParameter", "缺少参数“" + e.getParameterName() + "”",
        e.getMessage());
  }

  /** An upload over spring.servlet.multipart's limit never reaches the import: 413, said in Chinese. */
  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
    return ApiError.response(HttpStatus.PAYLOAD_TOO_LARGE, "PayloadTooLarge", "上传的文件过大，请分批导入", e.getMessage());
  }

  @ExceptionHandler({org.springframework.web.multipart.support.MissingServletRequestPartException.class,
      org.springframework.web.multipart.MultipartException.class})
  ResponseEntity<Map<String, Object>> missingPart(Exception e) {
    return ApiError.response(HttpStatus.BAD_REQUEST, "MissingFile",
        "没有收到文件：请以 multipart/form-data 上传，文件字段名为 file", e.getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return ApiError.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
        "请求内容应为 JSON（Content-Type: application/json）", e.getMessage());
  }

  /** What was wrong with the body, by the parser's finding: which field, what it should have been. */
  static String unreadableMessage(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof InvalidFormatException invalid) {
      return field(invalid) + "的值“" + echo(invalid.getValue()) + "”无效，应为" + expected(invalid.getTargetType());
    }
    if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      return field(mismatched) + "的类型不正确，应为" + expected(mismatched.getTargetType());
    }
    if (cause instanceof JsonProcessingException) {
      return "请求内容不是有效的 JSON，请检查括号、引号和逗号";
    }
    return "缺少请求内容或无法读取：请以 JSON 格式提交";
  }

  private static String field(JsonMappingException e) {
    String path = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
    return path.isEmpty() ? "请求内容" : "“" + path + "”";
  }

  /** The expected kind of value in Chinese; an enumeration lists the values it accepts. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "其他类型";
    }
    if (type.isEnum()) {
      return "以下之一：" + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
          .collect(Collectors.joining("、"));
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class) {
      return "整数";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true 或 false";
    }
    if (type == String.class) {
      return "文本";
    }
    if (type == LocalDate.class) {
      return "日期（YYYY-MM-DD）";
    }
    return "对象（JSON）";
  }

  private static String echo(Object value) {
    String text = String.valueOf(value);
    return text.length() > ECHO ? text.substring(0, ECHO) + "…" : text;
  }
}
